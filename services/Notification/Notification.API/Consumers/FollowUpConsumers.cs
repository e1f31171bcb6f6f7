using Notification.API.Application;
using Notification.API.Infrastructure;
using Platform.Contracts.FollowUp;

namespace Notification.API.Consumers;

public sealed class SurveySentConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<SurveySentIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(SurveySentIntegrationEvent e) => [FollowUpTexts.SurveySent(e)];
}

public sealed class ComplaintRepliedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<ComplaintRepliedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(ComplaintRepliedIntegrationEvent e) => [FollowUpTexts.ComplaintReplied(e)];
}

public sealed class ComplaintStatusChangedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<ComplaintStatusChangedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(ComplaintStatusChangedIntegrationEvent e) => [FollowUpTexts.ComplaintStatusChanged(e)];
}
