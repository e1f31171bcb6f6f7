using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Notification.API.Application;
using Notification.API.Hubs;

namespace Notification.API.Consumers;

/// <summary>Runs on every replica (its own queue) and sends to the matching connections it holds.</summary>
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

/// <summary>A replica's own push queue. A temporary (auto-delete, non-durable) queue vanished with its binding when
/// RabbitMQ restarted: pushes published before the replica re-declared it were dropped, and its clients, still
/// connected, never caught up (./platform chaos lost 14 of 544). Durable, it and its binding come back with the broker
/// and keep what was published meanwhile; x-expires removes the queue of a replica that is gone for good.</summary>
public sealed class PushRequestedConsumerDefinition : ConsumerDefinition<PushRequestedConsumer>
{
    // Long enough for a replica to reconnect after the broker is back; short, as a stopped replica's queue fills till then.
    public static readonly TimeSpan QueueExpiry = TimeSpan.FromMinutes(2);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PushRequestedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        if (endpointConfigurator is not IRabbitMqReceiveEndpointConfigurator rabbit) return;
        rabbit.Durable = true;
        rabbit.AutoDelete = false;
        rabbit.QueueExpiration = QueueExpiry;
    }
}
