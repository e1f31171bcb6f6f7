using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Http;

namespace Platform.ServiceDefaults.Patients;

public static class PatientDirectorySetup
{
    /// <summary>Registers <see cref="PatientDirectory"/>: Identity's internal patient endpoint, behind this service's
    /// client-credentials token and the standard resilience pipeline (a look-up is safe to retry).</summary>
    public static IHostApplicationBuilder AddPatientDirectory(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PatientDirectoryOptions.Section);
        var options = section.Get<PatientDirectoryOptions>() ?? new PatientDirectoryOptions();
        var address = IdentityAddress(builder.Configuration);
        builder.Services.Configure<PatientDirectoryOptions>(section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ServiceTokens>();
        builder.Services.AddTransient<ServiceTokenHandler>();
        builder.Services.AddHttpClient(ServiceTokens.HttpClientName, c => c.BaseAddress = address)
            .AddPlatformResilience(o => o.WithTimeouts(options.Timeout), idempotent: true);
        builder.Services.AddHttpClient<PatientDirectory>(c => c.BaseAddress = address)
            .AddHttpMessageHandler<ServiceTokenHandler>()
            .AddPlatformResilience(o => o.WithTimeouts(options.Timeout), idempotent: true);
        return builder;
    }

    /// <summary>Identity's base address for service-to-service calls: PatientDirectory:BaseUrl, else Endpoints:identity.</summary>
    public static Uri IdentityAddress(IConfiguration configuration)
    {
        var baseUrl = configuration[$"{PatientDirectoryOptions.Section}:BaseUrl"] ?? configuration["Endpoints:identity"] ?? "http://127.0.0.1:5101";
        return new Uri(baseUrl.TrimEnd('/') + "/");
    }
}
