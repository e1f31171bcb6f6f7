using MassTransit;
using Platform.Contracts.WeChat;
using Platform.Messaging.Inbox;
using Platform.WeChat.Templates;
using WeChat.Gateway.Application.Sending;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Consumers;

public sealed class WeChatCustomerServiceMessageRequestedConsumer(WeChatDbContext db, WeChatMessageSender sender)
    : IdempotentConsumer<WeChatCustomerServiceMessageRequestedIntegrationEvent, WeChatDbContext>(db)
{
    protected override Task HandleAsync(WeChatCustomerServiceMessageRequestedIntegrationEvent e,
        ConsumeContext<WeChatCustomerServiceMessageRequestedIntegrationEvent> context) =>
        sender.SendOnceAsync(new SendRequest(e.MessageId, "custom", e.WeChatUserId, null, async (api, openId, ct) =>
        {
            var payload = string.IsNullOrEmpty(e.ArticleUrl)
                ? CustomerServiceMessage.Text(openId, e.Text)
                : CustomerServiceMessage.News(openId, e.ArticleTitle ?? e.Text, e.Text, e.ArticleUrl, e.ArticlePicUrl ?? "");
            await api.SendCustomMessageAsync(payload, ct);
            return null;
        }), context);
}
