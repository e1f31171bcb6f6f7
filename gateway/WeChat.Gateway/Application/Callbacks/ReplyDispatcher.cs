using Microsoft.Extensions.Options;
using Platform.Messaging.Outbox;
using Platform.WeChat.Messaging;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Application.Callbacks;

/// <summary>WeChat waits 5 s for a passive reply and then retries. A reply not ready within the configured timeout is
/// answered with "success" at once and delivered later as a customer-service message through the outbox.</summary>
public sealed class ReplyDispatcher(
    IReplyComposer composer, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime,
    IOptions<WeChatGatewayOptions> options, TimeProvider time, ILogger<ReplyDispatcher> logger)
{
    public async Task<Reply?> ReplyInTimeAsync(InboundMessage message)
    {
        var composing = ComposeSafelyAsync(message);
        var winner = await Task.WhenAny(composing, Task.Delay(options.Value.ReplyTimeout, time));
        if (winner == composing) return await composing;

        logger.LogInformation("Reply to {DedupKey} not ready within {Timeout}; it will follow as a customer-service message",
            message.DedupKey, options.Value.ReplyTimeout);
        _ = SendLateAsync(composing, message.FromUserName);
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
            logger.LogError(e, "Composing the reply to {DedupKey} failed", message.DedupKey);
            return null;
        }
    }

    private async Task SendLateAsync(Task<Reply?> composing, string openId)
    {
        try
        {
            if (await composing is not { } reply) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WeChatDbContext>();
            scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>().Add(reply.ToCustomerServiceRequest(openId));
            await db.SaveChangesAsync(lifetime.ApplicationStopping);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Queuing a late reply for {OpenId} failed", openId);
        }
    }
}
