namespace Identity.API.Application;

/// <summary>The <c>Identity</c> configuration section.</summary>
public sealed class IdentityServiceOptions
{
    /// <summary>Creates the demo accounts listed in <see cref="DemoAccounts"/>; for development and demonstrations only.</summary>
    public bool SeedDemoAccounts { get; set; }
    public List<DemoAccountOptions> DemoAccounts { get; set; } = [];

    /// <summary>Client-credential integration clients by client id (HIS adapter, simulators). Registered with OpenIddict at
    /// start-up, which stores only a hash of each secret; secrets come from the environment, never from appsettings.json.</summary>
    public Dictionary<string, IntegrationClientOptions> Clients { get; set; } = new(StringComparer.Ordinal);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long one key signs; the next one is published <see cref="KeyPublishAhead"/> before it takes over,
    /// longer than the 12 h other services may cache the JWKS.</summary>
    public TimeSpan KeyRotationInterval { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan KeyPublishAhead { get; set; } = TimeSpan.FromDays(2);
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    public SmsCodeOptions SmsCodes { get; set; } = new();
    /// <summary>Password failures of one login from one source that lock it for that source, for <see cref="LockoutWindow"/>.</summary>
    public int LockoutFailures { get; set; } = 5;
    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(15);
    public LockoutOptions Lockout { get; set; } = new();
}

public sealed class LockoutOptions
{
    /// <summary>Failures from one source (any logins) inside the window before each further attempt waits a doubling delay.</summary>
    public int SourceFailuresBeforeDelay { get; set; } = 10;
    public TimeSpan MaxSourceDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures of one login from all sources inside the window that stop password sign-in for it (SMS still works).</summary>
    public int LoginFailures { get; set; } = 30;
}

public sealed class SmsCodeOptions
{
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(60);
    public int PerNumberPerDay { get; set; } = 10;
    public int PerRequesterPerHour { get; set; } = 30;
    public int MaxAttempts { get; set; } = 5;
}

public sealed class IntegrationClientOptions
{
    public string Name { get; set; } = "";
    public string Secret { get; set; } = "";

    /// <summary>Scopes the client may ask for beyond the integration role, e.g. <c>patient_identifiers</c>.</summary>
    public List<string> Scopes { get; set; } = [];
}

public sealed class DemoAccountOptions
{
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
    public string Role { get; set; } = "patient";
    public string? Phone { get; set; }
    public string? TotpSecret { get; set; }
    /// <summary>The HIS Practitioner logical id a demo doctor or pharmacist is linked to.</summary>
    public string? PractitionerId { get; set; }
    public DemoPatientOptions? Self { get; set; }
}

public sealed class DemoPatientOptions
{
    public string Name { get; set; } = "";
    public string IdNumber { get; set; } = "";
    public string? Phone { get; set; }
}
