namespace Triage.API.Domain.PreVisit;

/// <summary>One read of a patient's health data: who (account, role, practitioner), what, why and when.</summary>
public sealed class HealthDataAccess
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid PatientId { get; init; }
    public required string ActorRole { get; init; }
    public string? ActorId { get; init; }
    public string? PractitionerId { get; init; }
    public required string What { get; init; }
    public Guid? AppointmentId { get; init; }
    public required DateTimeOffset At { get; init; }
}
