using System.Text.Json;
using MassTransit;
using Notification.API.Application;
using Notification.API.Infrastructure;
using Platform.Contracts.Payment;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;

namespace Notification.API.Consumers;

/// <summary>Each step of a payment reaches the patient's open pages live; 支付成功 and 退款到账 reach the message centre
/// through their own events.</summary>
public sealed class PaymentStatusChangedConsumer(NotificationDbContext db, IIntegrationEventOutbox outbox)
    : IdempotentConsumer<PaymentStatusChangedIntegrationEvent, NotificationDbContext>(db)
{
    protected override Task HandleAsync(PaymentStatusChangedIntegrationEvent e, ConsumeContext<PaymentStatusChangedIntegrationEvent> context)
    {
        var payload = JsonSerializer.SerializeToElement(new
        {
            orderId = e.PaymentId,
            sourceId = e.OrderId,
            kind = e.OrderKind,
            status = e.Status,
            statusText = e.StatusText,
        }, JsonSerializerOptions.Web);
        return Db.PushToPatientAccountsAsync(outbox, e.PatientId, HubMethods.PaymentChanged, payload, context.CancellationToken);
    }
}
