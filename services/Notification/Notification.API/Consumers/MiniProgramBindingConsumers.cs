using MassTransit;
using Microsoft.EntityFrameworkCore;
using Notification.API.Domain;
using Notification.API.Infrastructure;
using Platform.Contracts.Identity;
using Platform.Messaging.Inbox;

namespace Notification.API.Consumers;

/// <summary>Identity announces which mini-program user (opaque id of the mini-program openid) an account signed in with;
/// mini-program subscribe messages for the account go there.</summary>
public sealed class MiniProgramAccountBoundConsumer(NotificationDbContext db)
    : IdempotentConsumer<MiniProgramAccountBoundIntegrationEvent, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(MiniProgramAccountBoundIntegrationEvent e, ConsumeContext<MiniProgramAccountBoundIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        // A mini-program user belongs to one account at a time: binding it elsewhere moves it.
        await Db.MiniProgramBindings.Where(b => b.WeChatUserId == e.WeChatUserId && b.AccountId != e.AccountId).ExecuteDeleteAsync(ct);
        var binding = await Db.MiniProgramBindings.FirstOrDefaultAsync(b => b.AccountId == e.AccountId, ct);
        if (binding is null) Db.MiniProgramBindings.Add(new MiniProgramBinding { AccountId = e.AccountId, WeChatUserId = e.WeChatUserId, BoundAt = e.OccurredAt });
        else if (binding.BoundAt <= e.OccurredAt)
        {
            binding.WeChatUserId = e.WeChatUserId;
            binding.BoundAt = e.OccurredAt;
        }
    }
}

public sealed class MiniProgramAccountUnboundConsumer(NotificationDbContext db)
    : IdempotentConsumer<MiniProgramAccountUnboundIntegrationEvent, NotificationDbContext>(db)
{
    // A binding made after the unbinding (events out of order) stays. Grants belong to the mini-program user that is
    // gone, so they go too.
    protected override async Task HandleAsync(MiniProgramAccountUnboundIntegrationEvent e, ConsumeContext<MiniProgramAccountUnboundIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        var removed = await Db.MiniProgramBindings.Where(b => b.AccountId == e.AccountId && b.BoundAt <= e.OccurredAt).ExecuteDeleteAsync(ct);
        if (removed > 0) await Db.MiniProgramGrants.Where(g => g.AccountId == e.AccountId).ExecuteDeleteAsync(ct);
    }
}
