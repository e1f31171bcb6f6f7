using Microsoft.EntityFrameworkCore;
using Payment.API.Domain;
using Payment.API.Infrastructure;

namespace Payment.API.Application;

/// <summary>Withdrawals and refunds asked for by other services, inside the consumer's transaction with the order row locked.</summary>
public sealed class OrderChanges(PaymentDbContext db, PaymentNews news, OrderQuerySignal queries, RefundSignal refunds,
    InsuranceSignal insurance, TimeProvider clock, ILogger<OrderChanges> logger)
{
    public async Task WithdrawOrRefundAsync(string kind, Guid sourceId, long? fen, string reason, CancellationToken ct)
    {
        var order = await db.Orders.FromSql($"SELECT *, xmin FROM payment_orders WHERE kind = {kind} AND source_id = {sourceId} FOR UPDATE")
            .FirstOrDefaultAsync(ct);
        if (order is null)
        {
            logger.LogInformation("No {Kind} order for {SourceId}: nothing to withdraw or refund", kind, sourceId);
            return;
        }
        var now = clock.GetUtcNow();
        if (order.Status == OrderStatus.Pending)
        {
            order.Withdraw(reason, now);
            queries.Nudge();
            return;
        }
        await RefundAsync(order, fen, reason, now, ct);
    }

    /// <summary>In the caller's transaction, on a locked paid order: up to <paramref name="fen"/> (all that is left when
    /// null) goes back; the refund worker sends it after commit. Refunding everything also reverses an insurance 结算.</summary>
    public async Task RefundAsync(PaymentOrder order, long? fen, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var claim = fen is null
            ? await db.InsuranceClaims.FirstOrDefaultAsync(c => c.OrderId == order.Id && c.Status == InsuranceStatus.Settled, ct)
            : null;
        claim?.Reverse(now);
        var refund = order.StartRefund(fen, reason, now);
        if (refund is null && claim is null) return;
        if (refund is not null) db.Refunds.Add(refund);
        var earlier = await db.Refunds.Where(r => r.OrderId == order.Id).ToListAsync(ct);
        news.StatusChanged(order, refund is null ? earlier : [.. earlier, refund], claim);
        refunds.Nudge();
        if (claim is not null) insurance.Nudge();
    }
}
