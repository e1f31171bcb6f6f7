using MassTransit;
using Notification.API.Application;
using Notification.API.Infrastructure;
using Platform.Contracts;
using Platform.Messaging.Inbox;

namespace Notification.API.Consumers;

/// <summary>An event about patients becomes messages for the accounts acting for them, once per event id.</summary>
public abstract class MessageConsumer<TEvent>(NotificationDbContext db, MessageDispatcher dispatcher)
    : IdempotentConsumer<TEvent, NotificationDbContext>(db) where TEvent : IntegrationEvent
{
    protected abstract IEnumerable<MessageDraft> Drafts(TEvent e);

    protected override Task HandleAsync(TEvent e, ConsumeContext<TEvent> context) =>
        dispatcher.DispatchAsync(e.Id, Drafts(e), context.CancellationToken);
}
