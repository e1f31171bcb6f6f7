using System.Text.Json;
using MassTransit;
using Notification.API.Application;
using Notification.API.Hubs;
using Notification.API.Infrastructure;
using Platform.Contracts.Consultation;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;

namespace Notification.API.Consumers;

/// <summary>A consultation's chat moved (message, read receipt, status): its patient's open pages and its doctor's
/// workstation hear the ids and re-read from the Consultation API, which checks who asks.</summary>
public sealed class ConsultationChangedConsumer(NotificationDbContext db, IIntegrationEventOutbox outbox)
    : IdempotentConsumer<ConsultationChangedIntegrationEvent, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(ConsultationChangedIntegrationEvent e, ConsumeContext<ConsultationChangedIntegrationEvent> context)
    {
        var payload = JsonSerializer.SerializeToElement(new
        {
            consultationId = e.ConsultationId,
            change = e.Change,
            status = e.Status,
            seq = e.Seq,
        }, JsonSerializerOptions.Web);
        await Db.PushToPatientAccountsAsync(outbox, e.PatientId, HubMethods.ConsultationChanged, payload, context.CancellationToken);
        outbox.Add(new PushRequested(Guid.CreateVersion7(), NotificationsHub.PractitionerGroup(e.PractitionerHisId),
            HubMethods.ConsultationChanged, payload));
    }
}

/// <summary>X08 signalling: an offer, answer or hangup goes to the other side of the consultation only.</summary>
public sealed class ConsultationSignalConsumer(NotificationDbContext db, IIntegrationEventOutbox outbox)
    : IdempotentConsumer<ConsultationSignalIntegrationEvent, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(ConsultationSignalIntegrationEvent e, ConsumeContext<ConsultationSignalIntegrationEvent> context)
    {
        var payload = JsonSerializer.SerializeToElement(new
        {
            consultationId = e.ConsultationId,
            from = e.From,
            kind = e.Kind,
            data = e.Data,
            callId = e.CallId,
        }, JsonSerializerOptions.Web);
        if (e.From == "doctor")
            await Db.PushToPatientAccountsAsync(outbox, e.PatientId, HubMethods.ConsultationSignal, payload, context.CancellationToken);
        else
            outbox.Add(new PushRequested(Guid.CreateVersion7(), NotificationsHub.PractitionerGroup(e.PractitionerHisId),
                HubMethods.ConsultationSignal, payload));
    }
}

public sealed class ConsultationEndedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<ConsultationEndedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(ConsultationEndedIntegrationEvent e) => [MessageTexts.ConsultationEnded(e)];
}

public sealed class EPrescriptionReleasedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<EPrescriptionReleasedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(EPrescriptionReleasedIntegrationEvent e) => [MessageTexts.EPrescriptionReleased(e)];
}
