using MassTransit;
using Platform.Contracts.WeChat;
using Platform.Messaging.Inbox;
using Platform.WeChat.Templates;
using WeChat.Gateway.Application.Sending;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Consumers;

public sealed class WeChatTemplateMessageRequestedConsumer(WeChatDbContext db, WeChatMessageSender sender)
    : IdempotentConsumer<WeChatTemplateMessageRequestedIntegrationEvent, WeChatDbContext>(db)
{
    protected override Task HandleAsync(WeChatTemplateMessageRequestedIntegrationEvent e,
        ConsumeContext<WeChatTemplateMessageRequestedIntegrationEvent> context)
    {
        // Derived from the request's own id, so WeChat drops a resend that follows a lost response.
        var clientMsgId = e.ClientMsgId ?? ClientMsgId.From(e.MessageId.ToString("N"));
        return sender.SendOnceAsync(new SendRequest(e.MessageId, "template", e.WeChatUserId, clientMsgId, async (api, openId, ct) =>
        {
            var message = new TemplateMessage(openId, e.TemplateId).WithClientMsgId(clientMsgId);
            if (!string.IsNullOrEmpty(e.Url)) message.WithUrl(e.Url);
            foreach (var (key, value) in e.Fields) message.Field(key, value);
            return await api.SendTemplateMessageAsync(message, ct);
        }), context);
    }
}
