using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Notification.API.Application;
using Notification.API.Hubs;

namespace Notification.API.Consumers;

/// <summary>Runs on every replica (its own temporary queue) and sends to the matching connections it holds.</summary>
public sealed class PushRequestedConsumer(IHubContext<NotificationsHub> hub, ILogger<PushRequestedConsumer> logger)
    : IConsumer<PushRequested>
{
    public async Task Consume(ConsumeContext<PushRequested> context)
    {
        var push = context.Message;
        var groups = push.Groups;
        await (groups.Count == 1 ? hub.Clients.Group(push.Group) : hub.Clients.Groups(groups))
            .SendAsync(push.Method, push.Payload, context.CancellationToken);
        logger.LogInformation("Pushed {Method} {PushId} to {Group} and {MoreGroups} more", push.Method, push.Id, push.Group, groups.Count - 1);
    }
}
