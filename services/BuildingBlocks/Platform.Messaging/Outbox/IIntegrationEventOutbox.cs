namespace Platform.Messaging.Outbox;

/// <summary>Queues a message to be published once the caller's SaveChanges commits; never publishes directly.</summary>
public interface IIntegrationEventOutbox
{
    void Add<TMessage>(TMessage message) where TMessage : class;
}
