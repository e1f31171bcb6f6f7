using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Problems;

/// <summary>Every error leaves as RFC 9457 problem details with a stable code, a Chinese message and no stack trace.</summary>
public static class ProblemDetailsSetup
{
    public static void AddPlatformProblemDetails(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Customize);
        builder.Services.AddExceptionHandler<PlatformExceptionHandler>();
    }

    public static void UsePlatformProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
    }

    private static void Customize(ProblemDetailsContext ctx)
    {
        var problem = ctx.ProblemDetails;
        var status = problem.Status ?? ctx.HttpContext.Response.StatusCode;
        var (code, title) = ProblemTexts.For(status);
        if (problem is HttpValidationProblemDetails && !problem.Extensions.ContainsKey("code"))
        {
            code = "validation_failed";
            title = "提交的信息有误，请检查后重试";
        }
        // Framework defaults are English ("Not Found", "One or more validation errors occurred."): replace them.
        if (problem.Title is null || IsFrameworkTitle(problem.Title)) problem.Title = title;
        problem.Extensions.TryAdd("code", code);
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToHexString() ?? ctx.HttpContext.TraceIdentifier;
        problem.Type ??= $"https://httpstatuses.io/{status}";
    }

    private static bool IsFrameworkTitle(string title) => title.All(c => c < 128);

    private sealed class PlatformExceptionHandler(IProblemDetailsService problems, IEnumerable<IProblemMapper> mappers,
        ILogger<PlatformExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            if (exception is not ProblemException && mappers.Select(m => m.Map(exception)).FirstOrDefault(p => p is not null) is { } mapped)
            {
                // Still worth a look: a refusal the request should have met before the database, or an outage.
                logger.LogWarning(exception, "Mapped to {Code} on {Path}", mapped.Code, http.Request.Path);
                exception = mapped;
            }
            var (status, code, detail, errors) = exception switch
            {
                ProblemException p => (p.Status, p.Code, p.Message, p.Errors),
                BadHttpRequestException b => (b.StatusCode, ProblemTexts.For(b.StatusCode).Code, "请求内容无法解析，请检查格式", null),
                OperationCanceledException when http.RequestAborted.IsCancellationRequested => (499, "client_closed", "请求已取消", null),
                _ => (500, "internal_error", "服务器开小差了，请稍后再试", (IDictionary<string, string[]>?)null),
            };
            // Briefly unavailable: the app and the edge may try again shortly.
            if (status == 503) http.Response.Headers.RetryAfter = "5";
            if (status >= 500 && status != 503) logger.LogError(exception, "Unhandled error on {Path}", http.Request.Path);
            else logger.LogInformation("Request rejected: {Code} {Status}", code, status);

            http.Response.StatusCode = status;
            ProblemDetails problem = errors is null
                ? new ProblemDetails { Status = status, Detail = detail }
                : new HttpValidationProblemDetails(errors) { Status = status, Detail = detail };
            problem.Title = ProblemTexts.For(status).Title;
            problem.Extensions["code"] = code;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
        }
    }
}
