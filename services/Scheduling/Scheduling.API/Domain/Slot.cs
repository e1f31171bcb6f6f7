namespace Scheduling.API.Domain;

/// <summary>A bookable window of the department's slot length; its capacity is the HIS units (FHIR Slots) inside it.
/// Kept across syncs (matched by session and start), so appointments keep pointing at it.</summary>
public sealed class Slot
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid SessionId { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; set; }
}

/// <summary>One HIS slot: one patient's place. <see cref="HeldBy"/> is the platform appointment holding it; a sync never
/// clears it (only the appointment's failure, cancellation or expiry does), and <see cref="Closed"/> is staff's 限号.</summary>
public sealed class SlotUnit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string HisId { get; init; }
    public required Guid SlotId { get; set; }
    public required Guid SessionId { get; set; }
    public required DateTimeOffset StartsAt { get; set; }
    public required DateTimeOffset EndsAt { get; set; }
    public required string HisStatus { get; set; }
    public Guid? HeldBy { get; set; }
    public bool Closed { get; set; }

    public const string Free = "free";
}
