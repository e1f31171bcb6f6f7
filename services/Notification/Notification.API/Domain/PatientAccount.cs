namespace Notification.API.Domain;

/// <summary>An account that may act for a patient (learnt from Identity's events). The patient's phone is kept
/// encrypted, only for SMS that must not be missed.</summary>
public sealed class PatientAccount
{
    public Guid PatientId { get; init; }
    public Guid AccountId { get; init; }
    public string PatientName { get; set; } = "";
    public string? PhoneEncrypted { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }
}
