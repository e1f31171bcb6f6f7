using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Input;
using Platform.ServiceDefaults.Memory;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.RateLimiting;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Everything every service shares: JSON logs carrying the W3C trace context, OpenTelemetry, problem details,
    /// JWT, rate limits, health checks and an OpenAPI document.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        // The resilience pipeline logs every outgoing call's attempt at Information (the HIS adapter wrote 650,000 such
        // lines in an afternoon); a retried or failed attempt is a Warning and still shows.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);

        builder.AddPlatformTelemetry();

        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new NulRejectingStringConverter());
        });
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // nginx on loopback (or the ingress in k8s) is the only proxy in front of us.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });

        builder.Services.AddHttpContextAccessor();
        // Time comes from TimeProvider everywhere, so tests can move the clock.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddPlatformProblemDetails();
        builder.AddPlatformAuthentication();
        builder.AddPlatformRateLimiting();
        builder.AddPlatformHealthChecks();
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer(OpenApi.ReadOnlyProperties.MarkAsync));
        builder.Services.Configure<IdleMemoryOptions>(builder.Configuration.GetSection("Memory"));
        builder.Services.AddSingleton<ServiceActivity>();
        builder.Services.AddHostedService<IdleMemoryRelease>();
        return builder;
    }

    /// <summary>Middleware order matters: the trace response first, so even a refused request names its trace.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<TraceResponseMiddleware>();
        app.UseMiddleware<ServiceActivityMiddleware>();
        app.UsePlatformProblemDetails();
        app.UseMiddleware<NulCharacterGuard>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapPlatformHealthChecks();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
