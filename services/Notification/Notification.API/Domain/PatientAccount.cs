namespace Notification.API.Domain;

/// <summary>An account that may act for a patient (learnt from Identity's events). The patient's phone is kept
/// encrypted, only for SMS that must not be missed.</summary>
public sealed class PatientAccount
{
    public Guid PatientId { get; init; }
    public Guid AccountId { get; init; }
    public string PatientName { get; set; } = "";
    public string? PhoneEncrypted { get; set; }
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>The WeChat openid an account signed in with. Template messages need it; the account ↔ openid link is
/// announced by Identity when the patient binds WeChat (WeChatAccountBoundIntegrationEvent).</summary>
public sealed class WeChatBinding
{
    public Guid AccountId { get; init; }
    public required string OpenId { get; set; }
    public DateTimeOffset BoundAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>Whether an openid follows the service account: WeChat only delivers template messages to followers.</summary>
public sealed class WeChatFollower
{
    public required string OpenId { get; init; }
    public bool Subscribed { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
