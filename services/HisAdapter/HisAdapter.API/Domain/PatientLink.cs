namespace HisAdapter.API.Domain;

/// <summary>A platform patient (就诊人) and the HIS Patient it is. Several platform patients may be the same person
/// (two accounts binding one child), so the HIS id is not unique here.</summary>
public sealed class PatientLink
{
    public Guid PatientId { get; init; }
    public required string HisPatientId { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}
