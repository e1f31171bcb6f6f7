namespace Platform.Messaging.Outbox;

public sealed class OutboxMessage
{
    public Guid Id { get; init; }
    public required string MessageType { get; init; }
    public required string Payload { get; init; }
    /// <summary>The trace id (32 hex digits) of the work that wrote the message: what a support ticket quotes.</summary>
    public string? CorrelationId { get; init; }
    /// <summary>The W3C traceparent of the activity that wrote the message (55 characters), restored when it is sent.</summary>
    public string? TraceParent { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Until when a dispatcher holds the row (it publishes outside any transaction); an expired lease makes the
    /// row claimable again, so a dispatcher that died mid-publish delays it but never loses it.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }
    public string? LeaseOwner { get; set; }
}
