using Microsoft.EntityFrameworkCore;
using Payment.API.Domain;
using Payment.API.Infrastructure;
using Platform.WeChat.Pay.Models;

namespace Payment.API.Application;

public enum SettleOutcome { Credited, AlreadyPaid, NotPaid, Flagged, Unknown }

/// <summary>The one place money is credited, whether WeChat Pay told us (notice) or we asked (query). The order row is
/// locked for the few statements it takes, so a notice delivered 15 times, or two at once, credits it once.</summary>
public sealed class PaymentSettlement(PaymentDbContext db, PaymentNews news, RefundSignal refunds, InsuranceSignal insurance,
    TimeProvider clock, ILogger<PaymentSettlement> logger)
{
    public const string WithdrawnRefundReason = "订单已失效，费用原路退回";

    public async Task<SettleOutcome> SettleAsync(Transaction t, CancellationToken ct)
    {
        // A repeat of a notice already credited is answered without waiting for the row's lock (WeChat Pay sends many).
        if (t.TransactionId is not null && await db.Orders.AsNoTracking()
                .AnyAsync(o => o.OutTradeNo == t.OutTradeNo && o.Status == OrderStatus.Paid && o.TransactionId == t.TransactionId, ct))
            return SettleOutcome.AlreadyPaid;
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Orders.FromSql($"SELECT *, xmin FROM payment_orders WHERE out_trade_no = {t.OutTradeNo} FOR UPDATE")
            .FirstOrDefaultAsync(ct);
        var outcome = await ApplyAsync(order, t, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (outcome == SettleOutcome.Credited)
        {
            refunds.Nudge();
            insurance.Nudge();
        }
        return outcome;
    }

    private async Task<SettleOutcome> ApplyAsync(PaymentOrder? order, Transaction t, DateTimeOffset now, CancellationToken ct)
    {
        if (order is null)
        {
            await db.RaiseAsync(PaymentIssue.UnknownOrder, $"unknown:{t.OutTradeNo}:{t.TransactionId}", null, t.OutTradeNo,
                $"微信支付通知了一笔本平台没有的订单（商户订单号 {t.OutTradeNo}，微信支付单号 {t.TransactionId}）", now, ct);
            return SettleOutcome.Unknown;
        }
        if (!t.IsPaid && t.TradeState != "REFUND") return SettleOutcome.NotPaid;
        if (order.Status == OrderStatus.Paid)
        {
            if (order.TransactionId == t.TransactionId) return SettleOutcome.AlreadyPaid;
            await db.RaiseAsync(PaymentIssue.AmountMismatch, $"second:{t.TransactionId}", order, null,
                $"同一订单收到第二笔微信支付（{t.TransactionId}，已记 {order.TransactionId}），未入账，请核实后退款", now, ct);
            return SettleOutcome.Flagged;
        }
        var total = t.Amount?.Total;
        if (total != order.PayableFen || t.TransactionId is null)
        {
            logger.LogWarning("Payment notice for order {OrderId} says {Total} fen, the order asks {Amount} fen: not credited", order.Id, total, order.PayableFen);
            await db.RaiseAsync(PaymentIssue.AmountMismatch, $"amount:{order.Id}:{t.TransactionId}", order, null,
                $"微信支付金额 {Yuan(total)} 与订单应付金额 {Yuan(order.PayableFen)} 不符（微信支付单号 {t.TransactionId}），未入账", now, ct);
            return SettleOutcome.Flagged;
        }

        order.MarkPaid(t.TransactionId, t.SuccessTime ?? now, now);
        // The 自付 part of an insured bill: the bill is paid once insurance has settled the rest.
        var claim = order.InsuredFen > 0
            ? await db.InsuranceClaims.FirstOrDefaultAsync(c => c.OrderId == order.Id && c.Status == InsuranceStatus.PreSettled, ct)
            : null;
        if (order.InsuredFen > 0 && claim is null) order.Withdraw(InsuranceSettlement.FailedRefundReason, now);
        var refund = order.WithdrawnReason is null ? null
            : order.StartRefund(null, order.WithdrawnReason == InsuranceSettlement.FailedRefundReason ? order.WithdrawnReason : WithdrawnRefundReason, now);
        if (refund is not null)
            db.Refunds.Add(refund);
        else if (claim is not null)
            claim.Settle(now);
        else
        {
            news.Succeeded(order);
            db.EInvoices.Add(EInvoice.For(order, now));
        }
        news.StatusChanged(order, refund is null ? [] : [refund], claim);
        return SettleOutcome.Credited;
    }

    private static string Yuan(long? fen) => fen is null ? "（无）" : $"¥{fen / 100m:0.00}";
}
