using MassTransit;
using Pharmacy.API.Application;
using Pharmacy.API.Infrastructure;
using Platform.Contracts.Payment;
using Platform.Messaging.Inbox;

namespace Pharmacy.API.Consumers;

/// <summary>The delivery fee was paid: the order waits for the pharmacist's release.</summary>
public sealed class PaymentSucceededConsumer(PharmacyDbContext db, Deliveries deliveries)
    : IdempotentConsumer<PaymentSucceededIntegrationEvent, PharmacyDbContext>(db)
{
    protected override Task HandleAsync(PaymentSucceededIntegrationEvent e, ConsumeContext<PaymentSucceededIntegrationEvent> context) =>
        e.OrderKind == OrderKinds.Delivery ? deliveries.PaidAsync(e.OrderId, e.PaidAt, context.CancellationToken) : Task.CompletedTask;
}
