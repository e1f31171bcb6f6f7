namespace Convenience.API.Domain;

/// <summary>A patient in a ward now, as the HIS announced (admitted, bed changed, discharged): inpatient-only services
/// check it and deliver to the bed.</summary>
public sealed class Inpatient
{
    public Guid PatientId { get; set; }
    public required string Ward { get; set; }
    public required string Bed { get; set; }
    public DateTimeOffset Since { get; set; }
}
