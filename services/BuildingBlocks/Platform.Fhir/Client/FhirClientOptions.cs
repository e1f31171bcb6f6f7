using Platform.Fhir.Authentication;

namespace Platform.Fhir.Client;

public sealed class FhirClientOptions
{
    /// <summary>The FHIR base URL, e.g. https://his.example/fhir/.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Time one HTTP attempt may take before it is abandoned (and retried when that is safe).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of GET and DELETE on 5xx, 408, 429 and network errors; POST and PUT are never retried.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First back-off delay; doubles per attempt, with jitter (a Retry-After from the server wins).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

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
