using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Reports.API.Application;

namespace Reports.API.Apis;

public sealed record CreateShareRequest(int? Hours);

public sealed record OpenShareRequest(string? Token);

/// <summary>Share a report with a doctor outside the hospital: time-limited, revocable, read-only, audited.</summary>
public static class SharesApi
{
    public static IEndpointRouteBuilder MapSharesApi(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/reports").WithTags("报告分享").RequireAuthorization(PlatformRoles.Patient);
        mine.MapPost("/reports/{reportId:guid}/shares", Create).WithName("CreateShare").WithSummary("生成限时分享链接");
        mine.MapGet("/patients/{patientId:guid}/shares", List).WithName("Shares").WithSummary("我分享过的报告");
        mine.MapDelete("/shares/{shareId:guid}", Revoke).WithName("RevokeShare").WithSummary("撤销分享链接");
        // The token travels in the body (the page has it in the URL fragment), so no access log or proxy keeps it.
        app.MapPost("/api/reports/shared", Open).WithTags("报告分享").AllowAnonymous()
            .WithName("OpenShare").WithSummary("院外医生打开分享的报告（只读、水印、留痕）");
        return app;
    }

    public static async Task<Ok<ShareCreatedDto>> Create(Guid reportId, CreateShareRequest? body, ClaimsPrincipal user, Shares shares,
        CancellationToken ct) => TypedResults.Ok(await shares.CreateAsync(user, reportId, body?.Hours, ct));

    public static async Task<Ok<IReadOnlyList<ShareDto>>> List(Guid patientId, ClaimsPrincipal user, Shares shares, CancellationToken ct) =>
        TypedResults.Ok(await shares.ListAsync(user, patientId, ct));

    public static async Task<NoContent> Revoke(Guid shareId, ClaimsPrincipal user, Shares shares, CancellationToken ct)
    {
        await shares.RevokeAsync(user, shareId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<SharedReportDto>> Open(OpenShareRequest? body, Shares shares, CancellationToken ct) =>
        TypedResults.Ok(await shares.OpenAsync(body?.Token ?? "", ct));
}
