namespace Platform.Contracts;

/// <summary>Base of every event that crosses a service boundary. The id doubles as the broker MessageId,
/// which is what idempotent consumers key on.</summary>
public abstract record IntegrationEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
