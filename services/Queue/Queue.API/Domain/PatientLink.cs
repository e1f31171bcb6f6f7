namespace Queue.API.Domain;

/// <summary>An account (token <c>sub</c>) may check in and follow the queues of this patient (就诊人), as Identity announced.</summary>
public sealed class PatientLink
{
    public required Guid AccountId { get; init; }
    public required Guid PatientId { get; init; }
}
