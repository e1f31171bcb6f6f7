using Platform.Fhir.Authentication;

namespace Platform.Fhir.Client;

public sealed class FhirClientOptions
{
    /// <summary>The FHIR base URL, e.g. https://his.example/fhir/.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Time one HTTP attempt may take before it is abandoned (and retried when that is safe).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First back-off delay for 5xx and network errors; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A Retry-After longer than this is not waited for: the call fails at once instead.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>SMART backend-services client credentials; null when the server needs no token.</summary>
    public SmartBackendOptions? Authentication { get; set; }

    /// <summary>Interactions the platform needs per resource type, checked by VerifyCapabilitiesAsync.</summary>
    public Dictionary<string, string[]> RequiredInteractions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>System-level interactions the platform needs, e.g. "transaction".</summary>
    public List<string> RequiredSystemInteractions { get; set; } = [];

    internal Uri NormalizedBaseAddress => BaseAddress is { IsAbsoluteUri: true } address
        ? (address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/"))
        : throw new InvalidOperationException("FhirClientOptions.BaseAddress must be an absolute URL.");
}
