using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>Answers the request's trace context in <c>traceresponse</c> (W3C Trace Context level 2), so a caller or a
/// support ticket can name the trace. ASP.NET Core has already taken the caller's <c>traceparent</c> as the parent, or
/// started a new trace when it was missing or malformed; nothing the caller sent is echoed.</summary>
public sealed class TraceResponseMiddleware(RequestDelegate next)
{
    public const string HeaderName = "traceresponse";

    public Task InvokeAsync(HttpContext context)
    {
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
            context.Response.Headers[HeaderName] = activity.Id;
        return next(context);
    }
}
