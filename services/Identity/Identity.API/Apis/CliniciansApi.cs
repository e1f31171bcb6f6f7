using System.Security.Claims;
using Identity.API.Application;
using Identity.API.Application.Clinicians;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;

namespace Identity.API.Apis;

/// <summary>The admin console's 医生账号关联: which HIS practitioner each doctor or pharmacist account acts as.</summary>
public static class CliniciansApi
{
    public static IEndpointRouteBuilder MapCliniciansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/admin").WithTags("医生账号关联").RequireAuthorization(PlatformRoles.Staff);
        api.MapGet("/clinicians", List).WithName("ListClinicians").WithSummary("医生与药师账号及其关联的 HIS 医生");
        api.MapGet("/practitioners", Search).WithName("SearchPractitioners").WithSummary("按姓名或工号查找 HIS 医生");
        api.MapPut("/clinicians/{accountId:guid}/practitioner", Link).WithName("LinkPractitioner")
            .WithSummary("关联（或解除关联）账号对应的 HIS 医生；账号将在所有设备上退出登录");
        api.MapGet("/clinicians/{accountId:guid}/practitioner-links", History).WithName("PractitionerLinkHistory")
            .WithSummary("关联变更记录（谁、何时、关联了谁）");
        return app;
    }

    public static async Task<Ok<List<ClinicianDto>>> List(string? q, ClinicianLinks links, CancellationToken ct) =>
        TypedResults.Ok(await links.ListAsync(q, ct));

    public static async Task<Ok<List<PractitionerDto>>> Search(string? q, ClinicianLinks links, CancellationToken ct) =>
        TypedResults.Ok(await links.SearchAsync(q, ct));

    public static async Task<Ok<ClinicianDto>> Link(Guid accountId, PractitionerLinkRequest request, ClaimsPrincipal user, HttpContext http,
        ClinicianLinks links, CancellationToken ct) =>
        TypedResults.Ok(await links.LinkAsync(accountId, request, user.AccountId(), user.FindFirst(PlatformClaims.Name)?.Value ?? "staff",
            http.IpAddress(), ct));

    public static async Task<Ok<List<LinkChangeDto>>> History(Guid accountId, ClinicianLinks links, CancellationToken ct) =>
        TypedResults.Ok(await links.HistoryAsync(accountId, ct));
}
