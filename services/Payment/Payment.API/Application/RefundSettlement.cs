using Microsoft.EntityFrameworkCore;
using Payment.API.Domain;
using Payment.API.Infrastructure;

namespace Payment.API.Application;

/// <summary>Records what WeChat Pay says became of a refund (notice or query), once: the refund row is locked, and only
/// a change of state sends events.</summary>
public sealed class RefundSettlement(PaymentDbContext db, PaymentNews news, TimeProvider clock)
{
    public async Task<bool> ApplyAsync(string outRefundNo, string status, DateTimeOffset? successTime, CancellationToken ct)
    {
        if (!Guid.TryParseExact(outRefundNo, "N", out var refundId)) return false;
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var refund = await db.Refunds.FromSql($"SELECT *, xmin FROM refunds WHERE id = {refundId} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (refund is null) return false;
        var order = await db.Orders.FirstAsync(o => o.Id == refund.OrderId, ct);
        var changed = status switch
        {
            "SUCCESS" => refund.Succeed(successTime ?? now),
            "ABNORMAL" or "CLOSED" => refund.Fail(status == "CLOSED" ? "微信支付关闭了该退款" : "退款异常（如用户银行卡已注销）"),
            _ => false,
        };
        if (changed)
        {
            if (refund.Status == RefundStatus.Succeeded)
            {
                news.Refunded(order, refund);
                // A refunded order's receipt is reversed for what went back, if it had one.
                if (await db.EInvoices.AnyAsync(i => i.OrderId == order.Id && i.Kind == EInvoice.Blue, ct))
                    db.EInvoices.Add(EInvoice.ReversalOf(refund, now));
            }
            else
            {
                // A closed refund paid nothing back: its amount may be refunded again. An abnormal one waits for staff.
                if (status == "CLOSED") order.RefundFailed(refund.AmountFen, now);
                await db.RaiseAsync(PaymentIssue.RefundAbnormal, $"refund:{refund.Id}:{status}", order, null,
                    $"退款 {refund.AmountFen / 100m:0.00} 元（退款单号 {refund.OutRefundNo}）{refund.FailureReason}，请人工处理", now, ct);
            }
            var refunds = await db.Refunds.Where(r => r.OrderId == order.Id).ToListAsync(ct);
            news.StatusChanged(order, refunds);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return changed;
    }
}
