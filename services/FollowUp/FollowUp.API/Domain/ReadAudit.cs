namespace FollowUp.API.Domain;

/// <summary>A member of staff read a patient's answers (follow-up answers are medical data): who, whose, what, when.</summary>
public sealed class ReadAudit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Actor { get; init; }
    public Guid PatientId { get; init; }
    public required string What { get; init; }
    public DateTimeOffset At { get; init; }
}
