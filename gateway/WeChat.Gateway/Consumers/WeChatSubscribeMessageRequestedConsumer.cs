using MassTransit;
using Platform.Contracts.WeChat;
using Platform.Messaging.Inbox;
using Platform.WeChat.Templates;
using WeChat.Gateway.Application.Sending;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Consumers;

public sealed class WeChatSubscribeMessageRequestedConsumer(WeChatDbContext db, WeChatMessageSender sender)
    : IdempotentConsumer<WeChatSubscribeMessageRequestedIntegrationEvent, WeChatDbContext>(db)
{
    protected override Task HandleAsync(WeChatSubscribeMessageRequestedIntegrationEvent e,
        ConsumeContext<WeChatSubscribeMessageRequestedIntegrationEvent> context) =>
        sender.SendOnceAsync(new SendRequest(e.MessageId, "subscribe", e.WeChatUserId, null, async (api, openId, ct) =>
        {
            var message = new SubscribeMessage(openId, e.TemplateId);
            if (!string.IsNullOrEmpty(e.Page)) message.WithPage(e.Page);
            foreach (var (key, value) in e.Fields) message.Field(key, value);
            await api.SendSubscribeMessageAsync(message, ct);
            return null;
        }), context);
}
