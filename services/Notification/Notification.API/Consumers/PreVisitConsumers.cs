using Notification.API.Application;
using Notification.API.Infrastructure;
using Platform.Contracts.Triage;

namespace Notification.API.Consumers;

/// <summary>诊前筛查 (X12): the patient is asked to fill in the screening form before a booked visit.</summary>
public sealed class PreVisitScreeningRequestedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<PreVisitScreeningRequestedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(PreVisitScreeningRequestedIntegrationEvent e) => [MessageTexts.PreVisitScreeningRequested(e)];
}
