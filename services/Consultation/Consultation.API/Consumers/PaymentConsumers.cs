using Consultation.API.Application;
using Consultation.API.Infrastructure;
using MassTransit;
using Platform.Contracts.Payment;
using Platform.Messaging.Inbox;

namespace Consultation.API.Consumers;

/// <summary>The consultation fee was paid: the consultation joins the doctor's queue.</summary>
public sealed class PaymentSucceededConsumer(ConsultationDbContext db, Consultations consultations)
    : IdempotentConsumer<PaymentSucceededIntegrationEvent, ConsultationDbContext>(db)
{
    protected override Task HandleAsync(PaymentSucceededIntegrationEvent e, ConsumeContext<PaymentSucceededIntegrationEvent> context) =>
        e.OrderKind == OrderKinds.Consultation ? consultations.PaidAsync(e.OrderId, e.PaidAt, context.CancellationToken) : Task.CompletedTask;
}
