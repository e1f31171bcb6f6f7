using Microsoft.Extensions.Options;
using Platform.Messaging.Outbox;
using Platform.Security.Masking;
using Platform.Security.Pseudonyms;
using Platform.WeChat.Messaging;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Application.Callbacks;

/// <summary>WeChat waits 5 s for a passive reply and then retries. A reply not ready within the configured timeout is
/// answered with "success" at once and delivered later as a customer-service message through the outbox.</summary>
public sealed class ReplyDispatcher(
    IReplyComposer composer, WeChatUserIds ids, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime,
    IOptions<WeChatGatewayOptions> options, TimeProvider time, ILogger<ReplyDispatcher> logger)
{
    public async Task<Reply?> ReplyInTimeAsync(InboundMessage message)
    {
        var composing = ComposeSafelyAsync(message);
        var winner = await Task.WhenAny(composing, Task.Delay(options.Value.ReplyTimeout, time));
        if (winner == composing) return await composing;

        logger.LogInformation("Reply to a {MsgType} from {OpenId} not ready within {Timeout}; it will follow as a customer-service message",
            message.MsgType, Mask.OpenId(message.FromUserName), options.Value.ReplyTimeout);
        _ = SendLateAsync(composing, ids.For(message.FromUserName));
        return null;
    }

    private async Task<Reply?> ComposeSafelyAsync(InboundMessage message)
    {
        try
        {
            return await composer.ComposeAsync(message, lifetime.ApplicationStopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Composing the reply to a {MsgType} from {OpenId} failed", message.MsgType, Mask.OpenId(message.FromUserName));
            return null;
        }
    }

    private async Task SendLateAsync(Task<Reply?> composing, Guid weChatUserId)
    {
        try
        {
            if (await composing is not { } reply) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WeChatDbContext>();
            scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>().Add(reply.ToCustomerServiceRequest(weChatUserId));
            await db.SaveChangesAsync(lifetime.ApplicationStopping);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Queuing a late reply for WeChat user {WeChatUserId} failed", weChatUserId);
        }
    }
}
