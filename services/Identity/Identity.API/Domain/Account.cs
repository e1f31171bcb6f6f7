namespace Identity.API.Domain;

/// <summary>A person's login. Patients act for the patients (就诊人) bound to their account; staff roles come from seeding
/// or administration, never from self-registration.</summary>
public sealed class Account
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Username { get; set; }
    public required string UsernameNormalized { get; set; }
    public string? PhoneEncrypted { get; set; }
    public string? PhoneHash { get; set; }
    public required string PasswordHash { get; set; }
    public required string Role { get; init; }
    public required string DisplayName { get; set; }
    public string? TotpSecretEncrypted { get; set; }
    public string? PendingTotpSecretEncrypted { get; set; }
    public long LastTotpStep { get; set; } = -1;
    public bool SmsMfaEnabled { get; set; }
    /// <summary>长辈模式: the patient app shows large type, high contrast and big touch targets on every device.</summary>
    public bool ElderMode { get; set; }
    public string? WeChatOpenIdHash { get; set; }
    public string? WeChatOpenIdEncrypted { get; set; }
    /// <summary>The openid of the same person in the hospital's mini-program (openids differ per app).</summary>
    public string? MiniProgramOpenIdHash { get; set; }
    public string? MiniProgramOpenIdEncrypted { get; set; }
    /// <summary>WeChat's unionid, the same across the hospital's apps: it finds the account from either app.</summary>
    public string? WeChatUnionIdHash { get; set; }
    /// <summary>A clinician's (doctor, pharmacist) HIS Practitioner logical id, set by staff; travels as the
    /// <c>practitioner_id</c> claim and decides whose queues and patients the clinician may act on.</summary>
    public string? PractitionerHisId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; set; }

    public bool TotpEnabled => TotpSecretEncrypted is not null;
    public bool IsClosed => ClosedAt is not null;
    public bool WeChatBound => WeChatOpenIdHash is not null || MiniProgramOpenIdHash is not null;
    public bool IsClinician => Role is "doctor" or "pharmacist";

    public IReadOnlyList<string> SecondFactors()
    {
        var methods = new List<string>();
        if (TotpEnabled) methods.Add("totp");
        if (SmsMfaEnabled && PhoneHash is not null) methods.Add("sms");
        return methods;
    }

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();
}
