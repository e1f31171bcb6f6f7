using MassTransit;
using Microsoft.Extensions.Options;
using Platform.Contracts.WeChat;
using Platform.Messaging.Inbox;
using Platform.WeChat.Templates;
using WeChat.Gateway.Application.MiniProgram;
using WeChat.Gateway.Application.Sending;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Consumers;

/// <summary>A mini-program subscribe message, sent with the mini-program's own token to the mini-program openid.</summary>
public sealed class WeChatMiniProgramSubscribeMessageRequestedConsumer(WeChatDbContext db, WeChatMessageSender sender,
    IOptions<MiniProgramOptions> options)
    : IdempotentConsumer<WeChatMiniProgramSubscribeMessageRequestedIntegrationEvent, WeChatDbContext>(db)
{
    protected override Task HandleAsync(WeChatMiniProgramSubscribeMessageRequestedIntegrationEvent e,
        ConsumeContext<WeChatMiniProgramSubscribeMessageRequestedIntegrationEvent> context) =>
        sender.SendOnceAsync(new SendRequest(e.MessageId, "miniprogram-subscribe", e.WeChatUserId, null, async (api, openId, ct) =>
        {
            var message = new MiniProgramSubscribeMessage(openId, e.TemplateId)
                .WithState(options.Value.MessageState, options.Value.MessageLang);
            if (!string.IsNullOrEmpty(e.Page)) message.WithPage(e.Page);
            foreach (var (key, value) in e.Fields) message.Field(key, value);
            return await api.SendMiniProgramSubscribeMessageAsync(message, ct);
        }, App: SendingApp.MiniProgram), context);
}
