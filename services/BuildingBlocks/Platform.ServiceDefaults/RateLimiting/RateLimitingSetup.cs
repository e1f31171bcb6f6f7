using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.RateLimiting;

/// <summary>A per-client budget on every service (client = signed-in subject, else the caller's IP as nginx saw it),
/// plus a stricter named policy for endpoints that cost money or send messages.</summary>
public static class RateLimitingSetup
{
    public const string Sensitive = "sensitive";

    public static void AddPlatformRateLimiting(this WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("RateLimiting:PermitsPerMinute", 1200);
        var sensitivePerMinute = builder.Configuration.GetValue("RateLimiting:SensitivePermitsPerMinute", 30);
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsExempt(http)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => Window(perMinute)));
            o.AddPolicy(Sensitive, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => Window(sensitivePerMinute)));
            o.OnRejected = async (ctx, ct) =>
            {
                var http = ctx.HttpContext;
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    http.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString();
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = 429, Detail = ProblemTexts.For(429).Title },
                });
            };
        });
    }

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    // Hub connections are long-lived and authenticated per connection; a NAT full of patients must not share one budget.
    private static bool IsExempt(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/hubs");

    private static string ClientKey(HttpContext http) =>
        http.User.FindFirst("sub")?.Value is { } sub ? "sub:" + sub : "ip:" + http.Connection.RemoteIpAddress;
}
