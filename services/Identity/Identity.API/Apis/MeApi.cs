using System.Security.Claims;
using Identity.API.Application;
using Identity.API.Application.Accounts;
using Identity.API.Application.Agreements;
using Identity.API.Application.Mfa;
using Identity.API.Application.WeChat;
using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Apis;

public sealed record AgreementsState(IReadOnlyList<ConsentDto> Accepted, IReadOnlyList<PendingAgreement> Pending);

public sealed record PendingAgreement(string Kind, string Version, string Title);

public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/me").WithTags("我的账号").RequireAuthorization();
        api.MapGet("/", GetMe).WithName("GetMe").WithSummary("当前账号");
        api.MapGet("/agreements", GetAgreements).WithName("GetMyAgreements").WithSummary("已同意与待同意的协议");
        api.MapPost("/agreements", AcceptAgreement).WithName("AcceptAgreement").WithSummary("同意协议当前版本");
        api.MapPost("/mfa/totp", BeginTotp).WithName("BeginTotp").WithSummary("获取身份验证器绑定二维码");
        api.MapPost("/mfa/totp/confirm", ConfirmTotp).WithName("ConfirmTotp").WithSummary("确认绑定身份验证器");
        api.MapDelete("/mfa/totp", DisableTotp).WithName("DisableTotp").WithSummary("解绑身份验证器");
        api.MapPut("/mfa/sms", SetSmsMfa).WithName("SetSmsMfa").WithSummary("开启或关闭短信二次验证");
        api.MapPost("/wechat/intents", StartWeChatBinding).WithName("StartWeChatBinding").WithSummary("发起绑定微信（本机一次性绑定请求）");
        api.MapPost("/wechat/pending", RedeemWeChatBinding).WithName("RedeemWeChatBinding").WithSummary("凭本机发起的微信授权凭证，查看待绑定的微信用户");
        api.MapPost("/wechat", BindWeChat).WithName("BindWeChat").WithSummary("确认绑定待绑定的微信");
        api.MapDelete("/wechat/pending", CancelWeChatBinding).WithName("CancelWeChatBinding").WithSummary("取消绑定微信");
        api.MapDelete("/wechat", UnbindWeChat).WithName("UnbindWeChat").WithSummary("解绑微信");
        api.MapGet("/export", Export).WithName("ExportMyData").WithSummary("导出我的个人信息（PIPL）");
        api.MapDelete("/", Close).WithName("CloseAccount").WithSummary("注销账号");
        return app;
    }

    public static async Task<Ok<MeDto>> GetMe(ClaimsPrincipal user, IdentityDbContext db, AccountData data, CancellationToken ct) =>
        TypedResults.Ok(data.Me(await db.LoadAsync(user, ct)));

    public static async Task<Ok<AgreementsState>> GetAgreements(ClaimsPrincipal user, IdentityDbContext db, AgreementCatalog catalog,
        CancellationToken ct)
    {
        var accountId = user.AccountId();
        var accepted = await db.AgreementConsents.AsNoTracking().Where(c => c.AccountId == accountId).OrderBy(c => c.AcceptedAt)
            .Select(c => new ConsentDto(c.Kind, c.Version, c.AcceptedAt, c.Channel)).ToListAsync(ct);
        var pending = (await catalog.AllCurrentAsync(ct))
            .Where(a => !accepted.Any(c => c.Kind == a.Kind && c.Version == a.Version))
            .Select(a => new PendingAgreement(a.Kind, a.Version, a.Title)).ToList();
        return TypedResults.Ok(new AgreementsState(accepted, pending));
    }

    public static async Task<NoContent> AcceptAgreement(AcceptedAgreement accepted, ClaimsPrincipal user, HttpContext http,
        IdentityDbContext db, AgreementCatalog catalog, CancellationToken ct)
    {
        var account = await db.LoadAsync(user, ct);
        if (accepted.Kind is null || accepted.Version is null) throw new ProblemException(400, "validation_failed", "请指定协议类型和版本");
        await catalog.RecordAsync(account.Id, accepted, http.Channel(), http.IpAddress(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<TotpSetup>> BeginTotp(ClaimsPrincipal user, IdentityDbContext db, TotpEnrolment totp, CancellationToken ct) =>
        TypedResults.Ok(await totp.BeginAsync(await db.LoadAsync(user, ct), ct));

    public static async Task<NoContent> ConfirmTotp(OtpCode body, ClaimsPrincipal user, IdentityDbContext db, TotpEnrolment totp,
        CancellationToken ct)
    {
        await totp.ConfirmAsync(await db.LoadAsync(user, ct), body.Code, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> DisableTotp([FromBody] OtpCode body, ClaimsPrincipal user, IdentityDbContext db, TotpEnrolment totp,
        CancellationToken ct)
    {
        await totp.DisableAsync(await db.LoadAsync(user, ct), body.Code, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> SetSmsMfa(SmsMfaSetting body, ClaimsPrincipal user, IdentityDbContext db, CancellationToken ct)
    {
        var account = await db.LoadAsync(user, ct);
        if (body.Enabled is not { } enabled)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["enabled"] = ["请选择开启或关闭短信验证"] });
        if (enabled && account.PhoneEncrypted is null)
            throw new ProblemException(400, "phone_required", "账号未绑定手机号，无法开启短信验证");
        account.SmsMfaEnabled = enabled;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<WeChatBindStarted>> StartWeChatBinding(ClaimsPrincipal user, HttpContext http, IdentityDbContext db,
        WeChatBinding wechat, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await wechat.StartAsync(await db.LoadAsync(user, ct), http, ct));
    }

    public static async Task<Ok<WeChatBindPreview>> RedeemWeChatBinding(WeChatBindTicket body, ClaimsPrincipal user, HttpContext http,
        IdentityDbContext db, WeChatBinding wechat, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await wechat.RedeemAsync(await db.LoadAsync(user, ct), body.Ticket, BrowserKey(http), ct));
    }

    public static async Task<NoContent> BindWeChat(ClaimsPrincipal user, HttpContext http, IdentityDbContext db, WeChatBinding wechat,
        CancellationToken ct)
    {
        await wechat.LinkAsync(await db.LoadAsync(user, ct), BrowserKey(http), http, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> CancelWeChatBinding(ClaimsPrincipal user, HttpContext http, IdentityDbContext db, WeChatBinding wechat,
        CancellationToken ct)
    {
        await wechat.CancelAsync(await db.LoadAsync(user, ct), BrowserKey(http), http, ct);
        return TypedResults.NoContent();
    }

    private static string? BrowserKey(HttpContext http) => http.Request.Cookies[WeChatBinding.BrowserCookie];

    public static async Task<NoContent> UnbindWeChat(ClaimsPrincipal user, IdentityDbContext db, WeChatBinding wechat, CancellationToken ct)
    {
        await wechat.UnlinkAsync(await db.LoadAsync(user, ct), ct);
        return TypedResults.NoContent();
    }

    public static async Task<JsonHttpResult<DataExport>> Export(ClaimsPrincipal user, HttpResponse response, IdentityDbContext db,
        AccountData data, CancellationToken ct)
    {
        var export = await data.ExportAsync(await db.LoadAsync(user, ct), ct);
        response.Headers.ContentDisposition = "attachment; filename=\"my-data.json\"";
        response.Headers.CacheControl = "no-store";
        return TypedResults.Json(export);
    }

    public static async Task<Accepted<AccountClosed>> Close([FromBody] CloseAccountRequest body, ClaimsPrincipal user, IdentityDbContext db,
        AccountData data, CancellationToken ct)
    {
        var closed = await data.CloseAsync(await db.LoadAsync(user, ct), body.Password, ct);
        return TypedResults.Accepted((string?)null, closed);
    }
}
