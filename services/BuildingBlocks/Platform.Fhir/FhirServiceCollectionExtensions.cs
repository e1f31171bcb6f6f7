using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Platform.Fhir.Authentication;
using Platform.Fhir.Client;
using Platform.Fhir.Validation;

namespace Platform.Fhir;

public static class FhirServiceCollectionExtensions
{
    public const string HttpClientName = "Platform.Fhir";

    /// <summary>
    /// Registers Firely's <see cref="FhirClient"/> (transient, on a pooled HttpClient) whose requests pass through:
    /// validation of every POST/PUT (<see cref="FhirValidationHandler"/>), the SMART backend-services token
    /// (<see cref="SmartBackendTokenHandler"/>, when <see cref="FhirClientOptions.Authentication"/> is set), and the
    /// standard resilience handler (GET/DELETE retried; POST/PUT never, a lost answer cannot tell whether they applied).
    /// The validator is a singleton, warmed in the background at start-up and released when idle (Fhir:Validation).
    /// </summary>
    public static IHttpClientBuilder AddFhirClient(this IServiceCollection services, Action<FhirClientOptions> configure)
    {
        var tuning = new FhirClientOptions();
        configure(tuning);
        services.AddOptions<FhirClientOptions>()
            .Configure(configure)
            .Validate(o => o.BaseAddress is { IsAbsoluteUri: true }, "FhirClientOptions.BaseAddress must be an absolute URL.");
        services.TryAddSingleton(TimeProvider.System);

        services.AddFhirValidation();
        services.AddHttpClient(SmartBackendTokenProvider.HttpClientName).AddStandardResilienceHandler();
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
        services.TryAddTransient<SmartBackendTokenHandler>();

        services.TryAddTransient(provider =>
        {
            var options = provider.GetRequiredService<IOptions<FhirClientOptions>>().Value;
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new FhirClient(options.NormalizedBaseAddress, http, Settings());
        });

        var builder = services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<FhirValidationHandler>()
            .AddHttpMessageHandler<SmartBackendTokenHandler>();
        builder.AddStandardResilienceHandler(o =>
        {
            o.AttemptTimeout.Timeout = tuning.AttemptTimeout;
            o.CircuitBreaker.SamplingDuration = tuning.AttemptTimeout * 2;
            o.TotalRequestTimeout.Timeout = tuning.AttemptTimeout * (tuning.MaxRetryAttempts + 1) + TimeSpan.FromSeconds(30);
            o.Retry.MaxRetryAttempts = Math.Max(tuning.MaxRetryAttempts, 1);
            o.Retry.Delay = tuning.RetryBaseDelay;
            o.Retry.DisableFor(HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch);
        });
        return builder;
    }

    /// <summary>The singleton validator and its start-up warm-up, for a service that validates without a client.</summary>
    public static IServiceCollection AddFhirValidation(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Bound only where there is configuration: a host always has it, a bare ServiceCollection (a tool, a test) keeps the defaults.
        services.AddOptions<FhirValidationOptions>().Configure<IServiceProvider>((options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(FhirValidationOptions.Section).Bind(options));
        services.TryAddSingleton<FhirResourceValidator>();
        services.TryAddTransient<FhirValidationHandler>();
        if (services.All(d => d.ImplementationType != typeof(FhirValidatorWarmup)))
            services.AddHostedService<FhirValidatorWarmup>();
        return services;
    }

    /// <summary>JSON through Firely's POCO serialiser, tolerant of what it can recover from; no version probe
    /// (<see cref="FhirCapabilities"/> checks more than the version); answers with the stored representation.</summary>
    public static FhirClientSettings Settings() => new()
    {
        PreferredFormat = ResourceFormat.Json,
        VerifyFhirVersion = false,
        ReturnPreference = ReturnPreference.Representation,
        Timeout = (int)TimeSpan.FromMinutes(5).TotalMilliseconds,
        SerializationEngine = FhirSerializationEngineFactory.Recoverable(ModelInfo.ModelInspector),
    };
}
