using MassTransit;
using Microsoft.EntityFrameworkCore;
using Notification.API.Domain;
using Notification.API.Infrastructure;
using Platform.Contracts.Identity;
using Platform.Messaging.Inbox;

namespace Notification.API.Consumers;

/// <summary>Identity announces which WeChat user (opaque id) an account signed in with; template messages for the account go there.</summary>
public sealed class WeChatAccountBoundConsumer(NotificationDbContext db)
    : IdempotentConsumer<WeChatAccountBoundIntegrationEvent, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(WeChatAccountBoundIntegrationEvent e, ConsumeContext<WeChatAccountBoundIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        // A WeChat user belongs to one account at a time: binding it elsewhere moves it.
        await Db.WeChatBindings.Where(b => b.WeChatUserId == e.WeChatUserId && b.AccountId != e.AccountId).ExecuteDeleteAsync(ct);
        var binding = await Db.WeChatBindings.FirstOrDefaultAsync(b => b.AccountId == e.AccountId, ct);
        if (binding is null) Db.WeChatBindings.Add(new WeChatBinding { AccountId = e.AccountId, WeChatUserId = e.WeChatUserId, BoundAt = e.OccurredAt });
        else if (binding.BoundAt <= e.OccurredAt)
        {
            binding.WeChatUserId = e.WeChatUserId;
            binding.BoundAt = e.OccurredAt;
        }
    }
}

public sealed class WeChatAccountUnboundConsumer(NotificationDbContext db)
    : IdempotentConsumer<WeChatAccountUnboundIntegrationEvent, NotificationDbContext>(db)
{
    // A binding made after the unbinding (events out of order) stays.
    protected override Task HandleAsync(WeChatAccountUnboundIntegrationEvent e, ConsumeContext<WeChatAccountUnboundIntegrationEvent> context) =>
        Db.WeChatBindings.Where(b => b.AccountId == e.AccountId && b.BoundAt <= e.OccurredAt).ExecuteDeleteAsync(context.CancellationToken);
}
