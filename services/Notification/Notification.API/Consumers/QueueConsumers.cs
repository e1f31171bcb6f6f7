using System.Text.Json;
using MassTransit;
using Notification.API.Application;
using Notification.API.Hubs;
using Notification.API.Infrastructure;
using Platform.Contracts.Queue;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;

namespace Notification.API.Consumers;

/// <summary>Every move of a clinic queue reaches the open 我的排队 pages of the patients in it, which then re-read their place,
/// and the 叫号 desk of the doctor who works the clinic (the same payload: ids and counts, no patient).</summary>
public sealed class QueueChangedConsumer(NotificationDbContext db, IIntegrationEventOutbox outbox)
    : IdempotentConsumer<QueueChangedIntegrationEvent, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(QueueChangedIntegrationEvent e, ConsumeContext<QueueChangedIntegrationEvent> context)
    {
        var payload = JsonSerializer.SerializeToElement(new
        {
            queueId = e.QueueId,
            change = e.Change,
            callingNumber = e.CallingNumber,
            waitingCount = e.WaitingCount,
        }, JsonSerializerOptions.Web);
        await Db.PushToPatientsAccountsAsync(outbox, [.. e.PatientIds.Distinct()], HubMethods.QueueChanged, payload, context.CancellationToken);
        if (e.PractitionerHisId is { Length: > 0 } practitioner)
            outbox.Add(new PushRequested(Guid.CreateVersion7(), NotificationsHub.PractitionerGroup(practitioner), HubMethods.QueueChanged, payload));
    }
}

public sealed class QueueTurnNearConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<QueueTurnNearIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(QueueTurnNearIntegrationEvent e) => [MessageTexts.QueueTurnNear(e)];
}

public sealed class QueueCalledConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<QueueCalledIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(QueueCalledIntegrationEvent e) => [MessageTexts.QueueCalled(e)];
}

public sealed class ExamPreparationDueConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<ExamPreparationDueIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(ExamPreparationDueIntegrationEvent e) => [MessageTexts.ExamPreparationDue(e)];
}

public sealed class MedicationGuidanceConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<MedicationGuidanceIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(MedicationGuidanceIntegrationEvent e) => [MessageTexts.MedicationGuidance(e)];
}
