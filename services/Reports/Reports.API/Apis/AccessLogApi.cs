using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Reports.API.Application;

namespace Reports.API.Apis;

/// <summary>谁查看了我的病历 (X10).</summary>
public static class AccessLogApi
{
    public static IEndpointRouteBuilder MapAccessLogApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/patients/{patientId:guid}/access-log", Get).WithTags("访问记录").RequireAuthorization(PlatformRoles.Patient)
            .WithName("AccessLog").WithSummary("谁查看了我的病历资料（含被拒绝的尝试）");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<AccessLogEntry>>> Get(Guid patientId, ClaimsPrincipal user, ReportViews views, CancellationToken ct) =>
        TypedResults.Ok(await views.AccessLogAsync(user, patientId, ct));
}
