namespace Triage.API.Domain.PreVisit;

/// <summary>A signed-in patient's triage (R13) kept for their pre-consultation summary (X17): what they said, where,
/// what they answered and what triage made of it.</summary>
public sealed class PatientComplaint
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid PatientId { get; init; }
    public required string Complaint { get; init; }
    public required string BodyPart { get; init; }
    public required List<string> Symptoms { get; init; }
    /// <summary>Follow-up questions answered, as their text and the answer (是/否).</summary>
    public required List<string> Answers { get; init; }
    public required List<string> Departments { get; init; }
    public required bool Emergency { get; init; }
    public required DateTimeOffset At { get; init; }
}
