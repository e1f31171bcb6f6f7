using System.Security.Claims;
using Identity.API.Application.Accounts;
using Identity.API.Application.Handover;
using Identity.API.Application.Phone;
using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.RateLimiting;

namespace Identity.API.Apis;

public sealed record WeChatPhoneCode(string? Code);

/// <summary>What the mini-program adds to "my account": the phone from WeChat's phone button, and the one-time ticket that
/// signs the H5 app in inside its web-view.</summary>
public static class MiniProgramMeApi
{
    public static IEndpointRouteBuilder MapMiniProgramMeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/me").WithTags("我的账号").RequireAuthorization();
        api.MapPost("/phone/wechat", ConfirmPhone).WithName("ConfirmPhoneFromWeChat").WithSummary("以小程序手机号授权设置或确认账号手机号")
            .RequireRateLimiting(RateLimitingSetup.Sensitive);
        api.MapPost("/handover", Handover).WithName("IssueHandoverTicket").WithSummary("为小程序 web-view 打开 H5 签发一次性登录凭证（60 秒）")
            .RequireRateLimiting(RateLimitingSetup.Sensitive);
        return app;
    }

    public static async Task<Ok<PhoneConfirmed>> ConfirmPhone(WeChatPhoneCode body, ClaimsPrincipal user, HttpContext http, IdentityDbContext db,
        WeChatPhoneBinding phones, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await phones.ConfirmAsync(await db.LoadAsync(user, ct), body.Code, ct));
    }

    public static async Task<Ok<HandoverIssued>> Handover(ClaimsPrincipal user, HttpContext http, HandoverSignIn handover, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await handover.IssueAsync(user, ct));
    }
}
