namespace Platform.Fhir.Authentication;

public interface IFhirAccessTokenProvider
{
    /// <summary>A bearer token for the FHIR server, or null when it needs none.</summary>
    ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>Forget the cached token, e.g. after the FHIR server answered 401.</summary>
    void Invalidate();
}

public sealed class NoAccessTokenProvider : IFhirAccessTokenProvider
{
    public static readonly NoAccessTokenProvider Instance = new();

    public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(null);

    public void Invalidate() { }
}

public sealed class FhirAuthenticationException(string message, Exception? inner = null) : Exception(message, inner);
