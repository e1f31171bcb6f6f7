using Microsoft.EntityFrameworkCore;
using Payment.API.Domain;
using Payment.API.Infrastructure;

namespace Payment.API.Application;

/// <summary>Records what the insurance platform answered, with the order row locked: a settled bill is paid (and the HIS
/// and the e-receipt learn of it); a refused 结算 sends the 自付 part back; a reversal completes a refund.</summary>
public sealed class InsuranceSettlement(PaymentDbContext db, PaymentNews news, OrderChanges changes, TimeProvider clock,
    ILogger<InsuranceSettlement> logger)
{
    public const string FailedRefundReason = "医保结算未成功，自付部分原路退回";

    public async Task SettledAsync(Guid claimId, Settlement settled, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (claim, order) = await LockAsync(claimId, ct);
        if (claim.Status != InsuranceStatus.Settling) return;
        claim.Settled(settled.SettlementId, settled.SettledAt, now);
        if (order.Status == OrderStatus.Pending && order.IsOpen) order.MarkPaidByInsurance(settled.SettledAt, now);
        if (order.Status == OrderStatus.Paid && order.WithdrawnReason is null)
        {
            news.Succeeded(order, claim);
            db.EInvoices.Add(EInvoice.For(order, now));
            news.StatusChanged(order, [], claim);
        }
        else
        {
            // The order was closed or withdrawn while the 结算 was under way: nothing is owed, so it goes back.
            logger.LogWarning("Claim {ClaimId} settled for order {OrderId} that no longer wants the money: reversing", claim.Id, order.Id);
            claim.Reverse(now);
            await changes.RefundAsync(order, null, PaymentSettlement.WithdrawnRefundReason, now, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task ReversedAsync(Guid claimId, Settlement reversed, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (claim, order) = await LockAsync(claimId, ct);
        if (claim.Status != InsuranceStatus.Reversing) return;
        claim.Reversed(reversed.ReversedAt ?? now, now);
        news.StatusChanged(order, await db.Refunds.Where(r => r.OrderId == order.Id).ToListAsync(ct), claim);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Refused for good: a 结算 never made means the 自付 part (if any) goes back and the bill is open again; a
    /// reversal refused is for staff.</summary>
    public async Task RefusedAsync(Guid claimId, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (claim, order) = await LockAsync(claimId, ct);
        if (claim.Status == InsuranceStatus.Settling)
        {
            claim.Fail(reason, now);
            if (order.Status == OrderStatus.Pending)
            {
                order.DropInsurance(now);
                news.StatusChanged(order, [], claim);
            }
            else
            {
                order.Withdraw(FailedRefundReason, now);
                await db.RaiseAsync(PaymentIssue.InsuranceFailed, $"insurance:{claim.Id}", order, null,
                    $"医保结算被拒（{reason}），自付部分 {order.PayableFen / 100m:0.00} 元已自动原路退回（{order.Description}）", now, ct);
                await changes.RefundAsync(order, null, FailedRefundReason, now, ct);
            }
        }
        else if (claim.Status == InsuranceStatus.Reversing)
        {
            claim.Fail(reason, now);
            await db.RaiseAsync(PaymentIssue.InsuranceFailed, $"insurance-reverse:{claim.Id}", order, null,
                $"医保退费被拒（{reason}），医保结算 {claim.SettlementId} 需人工处理（{order.Description}）", now, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task<(InsuranceClaim, PaymentOrder)> LockAsync(Guid claimId, CancellationToken ct)
    {
        var orderId = await db.InsuranceClaims.Where(c => c.Id == claimId).Select(c => c.OrderId).FirstAsync(ct);
        var order = (await db.LockOrderAsync(orderId, ct))!;
        var claim = await db.InsuranceClaims.FirstAsync(c => c.Id == claimId, ct);
        return (claim, order);
    }
}
