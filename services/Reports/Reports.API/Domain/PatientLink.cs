namespace Reports.API.Domain;

/// <summary>An account may act for this patient (本人 or an authorised family member), as Identity announced it. Read
/// beside the token's <c>pid</c> claim so a 就诊人 added a minute ago is readable before the token is renewed.</summary>
public sealed class PatientLink
{
    public required Guid AccountId { get; init; }
    public required Guid PatientId { get; init; }
}
