using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Fhir.Authentication;
using Platform.Fhir.Client;

namespace Platform.Fhir;

public static class FhirServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FhirClient"/> as a typed HttpClient, and a SMART backend-services token provider
    /// (a singleton, so its token cache is shared) when <see cref="FhirClientOptions.Authentication"/> is set.
    /// </summary>
    public static IHttpClientBuilder AddFhirClient(this IServiceCollection services, Action<FhirClientOptions> configure)
    {
        services.AddOptions<FhirClientOptions>()
            .Configure(configure)
            .Validate(o => o.BaseAddress is { IsAbsoluteUri: true }, "FhirClientOptions.BaseAddress must be an absolute URL.");
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SmartBackendTokenProvider.HttpClientName);
        services.TryAddSingleton<IFhirAccessTokenProvider>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<FhirClientOptions>>().Value;
            return options.Authentication is { } authentication
                ? new SmartBackendTokenProvider(
                    () => provider.GetRequiredService<IHttpClientFactory>().CreateClient(SmartBackendTokenProvider.HttpClientName),
                    authentication,
                    provider.GetRequiredService<TimeProvider>())
                : NoAccessTokenProvider.Instance;
        });

        return services.AddHttpClient<FhirClient>((provider, http) =>
        {
            http.BaseAddress = provider.GetRequiredService<IOptions<FhirClientOptions>>().Value.NormalizedBaseAddress;
            // Per-attempt timeouts come from the retry pipeline; HttpClient's own would cut retries short.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
    }
}
