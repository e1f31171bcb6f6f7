namespace Hospital.API.Domain.Publishing;

/// <summary>Who did what to which content, with the fields that changed (labels in Chinese).</summary>
public sealed class ContentAuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ItemId { get; init; }
    public required string ContentType { get; init; }
    public required string Key { get; init; }
    public required int RevisionNumber { get; init; }
    public required string Action { get; init; }
    public required Guid ActorId { get; init; }
    public required string ActorName { get; init; }
    public required DateTimeOffset At { get; init; }
    public string Note { get; init; } = "";
    /// <summary>JSON array of <c>FieldChange</c>.</summary>
    public string Changes { get; init; } = "[]";
}

public static class AuditActions
{
    public const string Created = "created";
    public const string Edited = "edited";
    public const string Submitted = "submitted";
    public const string Withdrawn = "withdrawn";
    public const string Published = "published";
    public const string Rejected = "rejected";
    public const string Discarded = "discarded";
    public const string Seeded = "seeded";
}
