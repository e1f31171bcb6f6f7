namespace Payment.API.Domain;

/// <summary>An account (token <c>sub</c>) may pay for and read the fees of this patient (就诊人), as Identity announced.</summary>
public sealed class PatientLink
{
    public required Guid AccountId { get; init; }
    public required Guid PatientId { get; init; }
}
