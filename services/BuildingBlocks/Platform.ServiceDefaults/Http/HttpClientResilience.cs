using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Platform.ServiceDefaults.Http;

/// <summary>The one place outgoing HTTP clients get their resilience: the standard pipeline of
/// Microsoft.Extensions.Http.Resilience (rate limiter, total timeout, retry with backoff and jitter, circuit breaker,
/// attempt timeout), one per named client so a failing party never opens another party's circuit.</summary>
public static class HttpClientResilience
{
    public const string Section = "Http:Resilience";

    /// <summary>Adds the standard pipeline to this client. Order of precedence, last wins: the library's defaults,
    /// <paramref name="tune"/> (the client's own needs), <c>Http:Resilience</c>, <c>Http:Resilience:Clients:&lt;name&gt;</c>.
    /// POST, PUT, PATCH and DELETE are not retried unless <paramref name="idempotent"/> says the party treats a repeat
    /// as the same request (a verification, a lookup); a retried payment or SMS would happen twice.
    /// The pipeline owns the timeouts, so HttpClient's own (100 s by default) is switched off.</summary>
    /// <remarks>Not ConfigureHttpClientDefaults: it hands over a nameless builder, so all clients would share one
    /// circuit breaker (dotnet/extensions#5021).</remarks>
    public static IHttpClientBuilder AddPlatformResilience(this IHttpClientBuilder builder,
        Action<HttpStandardResilienceOptions>? tune = null, bool idempotent = false)
    {
        var name = builder.Name;
        builder.ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddStandardResilienceHandler().Configure((options, services) =>
        {
            tune?.Invoke(options);
            var configuration = services.GetRequiredService<IConfiguration>();
            configuration.GetSection(Section).Bind(options);
            configuration.GetSection($"{Section}:Clients:{name}").Bind(options);
            if (!idempotent) options.Retry.DisableForUnsafeHttpMethods();
        });
        return builder;
    }

    /// <summary>One deadline for the whole call: the attempt timeout never exceeds it, and the circuit breaker samples
    /// over at least two attempts, as the library's validation asks.</summary>
    public static HttpStandardResilienceOptions WithTimeouts(this HttpStandardResilienceOptions options, TimeSpan total,
        TimeSpan? attempt = null)
    {
        options.TotalRequestTimeout.Timeout = total;
        options.AttemptTimeout.Timeout = attempt is { } a && a < total ? a : total;
        var sampling = options.AttemptTimeout.Timeout * 2;
        if (options.CircuitBreaker.SamplingDuration < sampling) options.CircuitBreaker.SamplingDuration = sampling;
        return options;
    }
}
