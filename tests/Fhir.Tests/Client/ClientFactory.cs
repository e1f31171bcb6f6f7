using Platform.Fhir.Authentication;
using Platform.Fhir.Client;

namespace Fhir.Tests.Client;

internal static class ClientFactory
{
    public static FhirClientOptions Options(FakeFhirServer server, Action<FhirClientOptions>? adjust = null)
    {
        var options = new FhirClientOptions
        {
            BaseAddress = server.FhirBase,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            AttemptTimeout = TimeSpan.FromSeconds(10),
        };
        adjust?.Invoke(options);
        return options;
    }

    public static FhirClient Create(FakeFhirServer server, Action<FhirClientOptions>? adjust = null, IFhirAccessTokenProvider? tokens = null) =>
        new(new HttpClient(), Options(server, adjust), tokens);

    /// <summary>A client whose attempts are counted on the client side, where a loaded machine cannot hide them.</summary>
    public static FhirClient CreateCounting(FakeFhirServer server, Action<FhirClientOptions> adjust, AttemptCounter counter) =>
        new(new HttpClient(counter), Options(server, adjust));
}

internal sealed class AttemptCounter() : DelegatingHandler(new SocketsHttpHandler())
{
    private int attempts;

    public int Attempts => Volatile.Read(ref attempts);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref attempts);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A clock the test moves by hand, to see a cached token expire without waiting an hour.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
