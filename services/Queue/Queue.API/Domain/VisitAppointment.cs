namespace Queue.API.Domain;

/// <summary>Our copy of a booked clinic visit or exam, as Scheduling announced it: ids, place and time only, never a name.</summary>
public sealed class VisitAppointment
{
    public required Guid Id { get; init; }
    public required Guid PatientId { get; init; }
    public required Guid QueueId { get; set; }
    public required DateTimeOffset StartsAt { get; set; }
    public bool Cancelled { get; set; }
    /// <summary>For an exam: the item and what to do beforehand (空腹, 憋尿), pushed once before it (R19).</summary>
    public string? ItemName { get; set; }
    public string? Preparation { get; set; }
    public DateTimeOffset? PreparationSentAt { get; set; }
}
