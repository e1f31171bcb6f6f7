namespace HisAdapter.API.Domain;

/// <summary>The hash of what was last published for one HIS resource, so only changes are published again.</summary>
public sealed class SyncedResource
{
    public required string Kind { get; init; }
    public required string HisId { get; init; }
    public required string Hash { get; set; }
}

/// <summary>The last known state of one HIS slot; the day's slots are published together when any of them changes.</summary>
public sealed class SyncedSlot
{
    public required string HisId { get; init; }
    public required string ScheduleHisId { get; set; }
    public DateOnly Day { get; set; }
    public DateTimeOffset StartAt { get; set; }
    public DateTimeOffset EndAt { get; set; }
    public required string Status { get; set; }
    public required string VersionId { get; set; }
    public required string Hash { get; set; }
}

/// <summary>The newest meta.lastUpdated seen per resource type, as the HIS wrote it (its clock, not ours).</summary>
public sealed class SyncMark
{
    public required string ResourceType { get; init; }
    public required string HighWater { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A HIS push delivery id already acted on; a replay of it is refused.</summary>
public sealed class PushDelivery
{
    public required string DeliveryId { get; init; }
    public required string EventType { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
