using Convenience.API.Application;
using Convenience.API.Infrastructure;
using MassTransit;
using Platform.Contracts.Payment;
using Platform.Messaging.Inbox;

namespace Convenience.API.Consumers;

/// <summary>The fee was paid: the order waits for its provider, the visit for a nurse.</summary>
public sealed class PaymentSucceededConsumer(ConvenienceDbContext db, ServiceOrders orders, HomeVisits visits)
    : IdempotentConsumer<PaymentSucceededIntegrationEvent, ConvenienceDbContext>(db)
{
    protected override Task HandleAsync(PaymentSucceededIntegrationEvent e, ConsumeContext<PaymentSucceededIntegrationEvent> context) => e.OrderKind switch
    {
        OrderKinds.Convenience => orders.PaidAsync(e.OrderId, e.PaidAt, context.CancellationToken),
        OrderKinds.HomeCare => visits.PaidAsync(e.OrderId, e.PaidAt, context.CancellationToken),
        _ => Task.CompletedTask,
    };
}

/// <summary>The money went back: a refunding order or visit is closed as refunded.</summary>
public sealed class PaymentRefundedConsumer(ConvenienceDbContext db, ServiceOrders orders, HomeVisits visits)
    : IdempotentConsumer<PaymentRefundedIntegrationEvent, ConvenienceDbContext>(db)
{
    protected override Task HandleAsync(PaymentRefundedIntegrationEvent e, ConsumeContext<PaymentRefundedIntegrationEvent> context) => e.OrderKind switch
    {
        OrderKinds.Convenience => orders.RefundedAsync(e.OrderId, context.CancellationToken),
        OrderKinds.HomeCare => visits.RefundedAsync(e.OrderId, context.CancellationToken),
        _ => Task.CompletedTask,
    };
}

/// <summary>Payment closed an unpaid order at its deadline: the stock or window place is given back.</summary>
public sealed class PaymentClosedConsumer(ConvenienceDbContext db, ServiceOrders orders, HomeVisits visits)
    : IdempotentConsumer<PaymentStatusChangedIntegrationEvent, ConvenienceDbContext>(db)
{
    protected override Task HandleAsync(PaymentStatusChangedIntegrationEvent e, ConsumeContext<PaymentStatusChangedIntegrationEvent> context) =>
        (e.Status, e.OrderKind) switch
        {
            ("closed", OrderKinds.Convenience) => orders.PaymentClosedAsync(e.OrderId, context.CancellationToken),
            ("closed", OrderKinds.HomeCare) => visits.PaymentClosedAsync(e.OrderId, context.CancellationToken),
            _ => Task.CompletedTask,
        };
}
