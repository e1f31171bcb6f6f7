namespace Platform.ServiceDefaults.Auth;

public sealed class PlatformAuthOptions
{
    public string? Authority { get; set; }
    public string Issuer { get; set; } = "platform-identity";
    public string Audience { get; set; } = "platform";

    /// <summary>Only used while no Authority is configured (development and tests before Identity runs).</summary>
    public string DevSigningKey { get; set; } = "platform-development-signing-key-change-me-0123456789";
}
