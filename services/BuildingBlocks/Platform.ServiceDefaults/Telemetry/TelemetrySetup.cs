using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>OpenTelemetry traces, metrics and logs. The W3C trace context is the correlation id: ASP.NET Core takes the
/// caller's <c>traceparent</c> (nginx makes one when the caller sent none), HttpClient and MassTransit pass it on, the
/// outbox keeps it with each row, and every log line carries TraceId and SpanId. Exported by OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; without it the trace context still flows and is logged.</summary>
public static class TelemetrySetup
{
    /// <summary>MassTransit's activity source and meter.</summary>
    public const string MassTransitSource = "MassTransit";

    /// <summary>The outbox dispatcher's activity source: it publishes each row inside the trace that wrote it.</summary>
    public const string OutboxSource = "Platform.Messaging.Outbox";

    public static WebApplicationBuilder AddPlatformTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o =>
            o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = IsNotProbe)
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(MassTransitSource, OutboxSource))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MassTransitSource, "Npgsql"))
            .WithLogging(logging => { }, o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
            });
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) otel.UseOtlpExporter();
        return builder;
    }

    /// <summary>Health probes every few seconds would drown the traces that matter.</summary>
    private static bool IsNotProbe(HttpContext context) => !context.Request.Path.StartsWithSegments("/health");
}
