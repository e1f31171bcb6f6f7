using Notification.API.Application;
using Notification.API.Infrastructure;
using Platform.Contracts.Convenience;

namespace Notification.API.Consumers;

public sealed class ServiceOrderStatusChangedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<ServiceOrderStatusChangedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(ServiceOrderStatusChangedIntegrationEvent e) =>
        ConvenienceTexts.ServiceOrderStatusChanged(e) is { } draft ? [draft] : [];
}

public sealed class HomeVisitStatusChangedConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<HomeVisitStatusChangedIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(HomeVisitStatusChangedIntegrationEvent e) =>
        ConvenienceTexts.HomeVisitStatusChanged(e) is { } draft ? [draft] : [];
}

public sealed class ChronicReadingOutOfRangeConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<ChronicReadingOutOfRangeIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(ChronicReadingOutOfRangeIntegrationEvent e) => [ConvenienceTexts.ChronicReadingOutOfRange(e)];
}

public sealed class ChronicMeasurementReminderDueConsumer(NotificationDbContext db, MessageDispatcher dispatcher)
    : MessageConsumer<ChronicMeasurementReminderDueIntegrationEvent>(db, dispatcher)
{
    protected override IEnumerable<MessageDraft> Drafts(ChronicMeasurementReminderDueIntegrationEvent e) =>
        [ConvenienceTexts.ChronicMeasurementReminderDue(e)];
}
