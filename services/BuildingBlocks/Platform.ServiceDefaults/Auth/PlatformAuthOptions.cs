namespace Platform.ServiceDefaults.Auth;

public sealed class PlatformAuthOptions
{
    public string? Authority { get; set; }
    /// <summary>The Identity service's OpenIddict issuer (an absolute URI, as OpenIddict requires).</summary>
    public string Issuer { get; set; } = "urn:platform:identity";
    public string Audience { get; set; } = "platform";

    /// <summary>Only used while no Authority is configured (development and tests before Identity runs).</summary>
    public string DevSigningKey { get; set; } = "platform-development-signing-key-change-me-0123456789";
}
