using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payment.API.Application;
using Payment.API.Domain;
using Payment.API.Infrastructure;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;

namespace Payment.API.Consumers;

/// <summary>The HIS would not take a payment (e.g. the bill was paid at the window meanwhile): everything is refunded at
/// once and staff see why, so a bill is never paid twice.</summary>
public sealed class HisPaymentRefusedConsumer(PaymentDbContext db, OrderChanges changes, TimeProvider clock)
    : IdempotentConsumer<HisPaymentRefusedIntegrationEvent, PaymentDbContext>(db)
{
    protected override async Task HandleAsync(HisPaymentRefusedIntegrationEvent e, ConsumeContext<HisPaymentRefusedIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        var order = await Db.LockOrderAsync(e.PaymentId, ct);
        if (order is null) return;
        var now = clock.GetUtcNow();
        await Db.RaiseAsync(PaymentIssue.HisRefused, $"his-refused:{order.Id}", order, null,
            $"医院未入账该笔线上缴费（{order.Description}，{order.AmountFen / 100m:0.00} 元）：{e.Reason}。已自动原路退款", now, ct);
        await changes.RefundAsync(order, null, "医院未能入账（可能已在窗口缴费），费用原路退回", now, ct);
    }
}
