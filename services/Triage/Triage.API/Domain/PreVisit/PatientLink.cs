namespace Triage.API.Domain.PreVisit;

/// <summary>An account (token <c>sub</c>) acts for this patient (就诊人), as Identity announced: a token issued before the
/// patient was added does not yet name them in its <c>pid</c> claim.</summary>
public sealed class PatientLink
{
    public required Guid AccountId { get; init; }
    public required Guid PatientId { get; init; }
}
