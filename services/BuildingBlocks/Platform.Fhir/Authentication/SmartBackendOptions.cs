namespace Platform.Fhir.Authentication;

/// <summary>
/// SMART backend services (client_credentials). Set either <see cref="ClientSecret"/> (HTTP Basic)
/// or <see cref="PrivateKeyPem"/> (a signed JWT client assertion, RS384).
/// </summary>
public sealed class SmartBackendOptions
{
    public Uri? TokenEndpoint { get; set; }
    public string ClientId { get; set; } = string.Empty;
    public string? ClientSecret { get; set; }

    /// <summary>PKCS#8 or PKCS#1 PEM of the RSA key registered with the authorisation server.</summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>The kid of the registered key, put in the assertion's header.</summary>
    public string? KeyId { get; set; }

    public string Scope { get; set; } = "system/*.read system/*.write";

    /// <summary>A cached token is replaced this long before it expires.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan AssertionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    internal void Validate()
    {
        if (TokenEndpoint is not { IsAbsoluteUri: true })
            throw new InvalidOperationException("SmartBackendOptions.TokenEndpoint must be an absolute URL.");
        if (string.IsNullOrWhiteSpace(ClientId))
            throw new InvalidOperationException("SmartBackendOptions.ClientId is required.");
        if (string.IsNullOrEmpty(ClientSecret) == string.IsNullOrEmpty(PrivateKeyPem))
            throw new InvalidOperationException("Set exactly one of SmartBackendOptions.ClientSecret and PrivateKeyPem.");
    }
}
