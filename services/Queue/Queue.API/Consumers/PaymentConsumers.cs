using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Payment;
using Platform.Messaging.Inbox;
using Queue.API.Domain;
using Queue.API.Infrastructure;

namespace Queue.API.Consumers;

/// <summary>A paid outpatient bill, prescription or exam: the 缴费 step of that patient's itinerary is done.</summary>
public sealed class PaymentSucceededConsumer(QueueDbContext db) : IdempotentConsumer<PaymentSucceededIntegrationEvent, QueueDbContext>(db)
{
    private static readonly string[] CareKinds = [OrderKinds.Outpatient, OrderKinds.Drug, OrderKinds.Exam];

    protected override async Task HandleAsync(PaymentSucceededIntegrationEvent e, ConsumeContext<PaymentSucceededIntegrationEvent> context)
    {
        if (!CareKinds.Contains(e.OrderKind)) return;
        if (await Db.Payments.AnyAsync(p => p.PaymentId == e.PaymentId, context.CancellationToken)) return;
        Db.Payments.Add(new VisitPayment { PaymentId = e.PaymentId, PatientId = e.PatientId, OrderKind = e.OrderKind, PaidAt = e.PaidAt });
    }
}
