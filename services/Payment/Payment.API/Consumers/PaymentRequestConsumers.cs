using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payment.API.Application;
using Payment.API.Domain;
using Payment.API.Infrastructure;
using Platform.Contracts.Payment;
using Platform.Messaging.Inbox;

namespace Payment.API.Consumers;

/// <summary>Another service asks the patient to pay: one order per kind and source, payable until PayBy.</summary>
public sealed class PaymentRequestedConsumer(PaymentDbContext db, PaymentNews news, TimeProvider clock)
    : IdempotentConsumer<PaymentRequestedIntegrationEvent, PaymentDbContext>(db)
{
    protected override async Task HandleAsync(PaymentRequestedIntegrationEvent e, ConsumeContext<PaymentRequestedIntegrationEvent> context)
    {
        if (e.AmountFen <= 0) return;
        if (await Db.Orders.AnyAsync(o => o.Kind == e.OrderKind && o.SourceId == e.OrderId, context.CancellationToken)) return;
        var id = Guid.CreateVersion7();
        var description = WithinBytes(e.Description, 127);
        var order = new PaymentOrder
        {
            Id = id, Kind = e.OrderKind, SourceId = e.OrderId, AccountId = e.AccountId, PatientId = e.PatientId,
            Description = description, AmountFen = e.AmountFen, OutTradeNo = PaymentOrder.OutTradeNoOf(id),
            CreatedAt = clock.GetUtcNow(), ExpiresAt = e.PayBy,
        };
        // Closed at its deadline by the query worker even if nobody withdraws it.
        order.QueryAgainAt(e.PayBy);
        Db.Orders.Add(order);
        news.StatusChanged(order, []);
    }

    /// <summary>WeChat Pay counts the description in UTF-8 bytes (a Chinese character is three).</summary>
    private static string WithinBytes(string text, int bytes)
    {
        var end = text.Length;
        while (System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, end)) > bytes) end--;
        if (end > 0 && char.IsHighSurrogate(text[end - 1])) end--;
        return text[..end];
    }
}

/// <summary>The source no longer wants the money: an unpaid order is closed, a paid one refunded in full.</summary>
public sealed class PaymentWithdrawnConsumer(PaymentDbContext db, OrderChanges changes)
    : IdempotentConsumer<PaymentWithdrawnIntegrationEvent, PaymentDbContext>(db)
{
    protected override Task HandleAsync(PaymentWithdrawnIntegrationEvent e, ConsumeContext<PaymentWithdrawnIntegrationEvent> context) =>
        changes.WithdrawOrRefundAsync(e.OrderKind, e.OrderId, null, e.Reason, context.CancellationToken);
}

/// <summary>Money back for a paid order (a cancelled booking, a stopped clinic); an order not yet paid is withdrawn instead.</summary>
public sealed class RefundRequestedConsumer(PaymentDbContext db, OrderChanges changes)
    : IdempotentConsumer<RefundRequestedIntegrationEvent, PaymentDbContext>(db)
{
    protected override Task HandleAsync(RefundRequestedIntegrationEvent e, ConsumeContext<RefundRequestedIntegrationEvent> context) =>
        changes.WithdrawOrRefundAsync(e.OrderKind, e.OrderId, e.AmountFen, e.Reason, context.CancellationToken);
}
