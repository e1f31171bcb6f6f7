using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Correlation;

/// <summary>Takes the caller's X-Correlation-Id (or makes one), echoes it back, and keeps it for the logs and
/// for any integration event raised while handling the request.</summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        var id = CorrelationId.IsAcceptable(incoming) ? incoming : Guid.CreateVersion7().ToString("N");
        context.Response.Headers[HeaderName] = id;
        context.TraceIdentifier = id;
        using (CorrelationId.Begin(id))
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }
}
