namespace Queue.API.Domain;

/// <summary>Our copy of a booked clinic visit, as Scheduling announced it: ids, place and time only, never a name.</summary>
public sealed class VisitAppointment
{
    public required Guid Id { get; init; }
    public required Guid PatientId { get; init; }
    public required Guid QueueId { get; set; }
    public required DateTimeOffset StartsAt { get; set; }
    public bool Cancelled { get; set; }
}
