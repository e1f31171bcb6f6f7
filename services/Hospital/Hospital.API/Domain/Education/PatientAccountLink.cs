namespace Hospital.API.Domain.Education;

/// <summary>Which account acts for which patient (from Identity's events, ids only), so an account's recommendations
/// can draw on the departments its patients booked.</summary>
public sealed class PatientAccountLink
{
    public required Guid PatientId { get; init; }
    public required Guid AccountId { get; init; }
}
