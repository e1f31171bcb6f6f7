using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.API.Application;
using Notification.API.Application.MiniProgram;
using Notification.API.Domain;
using Notification.API.Infrastructure;
using Platform.Contracts.WeChat;
using Platform.Messaging.Inbox;

namespace Notification.API.Consumers;

/// <summary>The gateway's answers, keyed by our delivery id (the MessageId we asked with).</summary>
public sealed class WeChatMessageDeliveredConsumer(NotificationDbContext db)
    : IdempotentConsumer<WeChatMessageDeliveredIntegrationEvent, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(WeChatMessageDeliveredIntegrationEvent e, ConsumeContext<WeChatMessageDeliveredIntegrationEvent> context)
    {
        var delivery = await Db.Deliveries.FirstOrDefaultAsync(d => d.Id == e.MessageId
            && (d.Channel == DeliveryChannel.WeChat || d.Channel == DeliveryChannel.MiniProgram), context.CancellationToken);
        delivery?.Confirm(e.OccurredAt);
    }
}

public sealed class WeChatMessageFailedConsumer(NotificationDbContext db, IOptions<NotificationOptions> options, MiniProgramRefusals refusals,
    TimeProvider clock)
    : IdempotentConsumer<WeChatMessageFailedIntegrationEvent, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(WeChatMessageFailedIntegrationEvent e, ConsumeContext<WeChatMessageFailedIntegrationEvent> context)
    {
        var delivery = await Db.Deliveries.FirstOrDefaultAsync(d => d.Id == e.MessageId
            && (d.Channel == DeliveryChannel.WeChat || d.Channel == DeliveryChannel.MiniProgram), context.CancellationToken);
        if (delivery?.Channel == DeliveryChannel.MiniProgram) await refusals.HandleAsync(delivery, e.ErrCode, e.Permanent, context.CancellationToken);
        var settings = options.Value.Delivery;
        // The attempt was counted when the request was made.
        delivery?.Fail($"{e.ErrCode} {e.ErrMsg}", clock.GetUtcNow(), settings.MaxAttempts, settings.MaxBackoff, e.Permanent, countAttempt: false);
    }
}

public sealed class WeChatUserSubscribedConsumer(NotificationDbContext db)
    : IdempotentConsumer<WeChatUserSubscribedIntegrationEvent, NotificationDbContext>(db)
{
    protected override Task HandleAsync(WeChatUserSubscribedIntegrationEvent e, ConsumeContext<WeChatUserSubscribedIntegrationEvent> context) =>
        Followers.RecordAsync(Db, e.WeChatUserId, true, e.At, context.CancellationToken);
}

public sealed class WeChatUserUnsubscribedConsumer(NotificationDbContext db)
    : IdempotentConsumer<WeChatUserUnsubscribedIntegrationEvent, NotificationDbContext>(db)
{
    protected override Task HandleAsync(WeChatUserUnsubscribedIntegrationEvent e, ConsumeContext<WeChatUserUnsubscribedIntegrationEvent> context) =>
        Followers.RecordAsync(Db, e.WeChatUserId, false, e.At, context.CancellationToken);
}

internal static class Followers
{
    public static async Task RecordAsync(NotificationDbContext db, Guid weChatUserId, bool subscribed, DateTimeOffset at, CancellationToken ct)
    {
        var follower = await db.WeChatFollowers.FirstOrDefaultAsync(f => f.WeChatUserId == weChatUserId, ct);
        if (follower is null) db.WeChatFollowers.Add(new WeChatFollower { WeChatUserId = weChatUserId, Subscribed = subscribed, ChangedAt = at });
        else if (at >= follower.ChangedAt)
        {
            follower.Subscribed = subscribed;
            follower.ChangedAt = at;
        }
    }
}
