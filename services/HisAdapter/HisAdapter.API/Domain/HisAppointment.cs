namespace HisAdapter.API.Domain;

/// <summary>A platform appointment as far as the HIS is concerned.</summary>
public sealed class HisAppointment
{
    public Guid AppointmentId { get; init; }
    public Guid PatientId { get; init; }
    public required string SlotHisId { get; init; }
    public string? HisAppointmentId { get; set; }
    public string Status { get; set; } = HisAppointmentStatus.AwaitingHospital;
    public DateTimeOffset UpdatedAt { get; set; }
}

public static class HisAppointmentStatus
{
    /// <summary>等待医院确认: stored and being sent, possibly while the HIS is down.</summary>
    public const string AwaitingHospital = "awaiting_hospital";
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";
}
