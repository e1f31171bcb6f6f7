using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.RateLimiting;
using WeChat.Gateway.Application.MiniProgram;

namespace WeChat.Gateway.Apis;

/// <summary><paramref name="Intent"/>: the nonce of <c>POST /api/identity/me/wechat/intents</c> when the signed-in owner is
/// binding this WeChat; absent for a plain sign-in.</summary>
public sealed record MiniProgramLoginRequest(string? Code, string? Intent);

public sealed record MiniProgramPhoneRequest(string? Code);

/// <summary>The mini-program's sign-in (public) and the phone-number resolution Identity asks for (integration only).</summary>
public static class MiniProgramApi
{
    public static IEndpointRouteBuilder MapMiniProgramApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/wechat/miniprogram").WithTags("微信小程序");
        api.MapPost("/login", Login).WithName("MiniProgramLogin").WithSummary("以 wx.login 的 code 换取一次性登录凭证（身份服务兑换）")
            .RequireRateLimiting(RateLimitingSetup.Sensitive);
        api.MapPost("/phone", ResolvePhone).WithName("MiniProgramPhoneNumber").WithSummary("解析手机号按钮的 code 并校验水印（身份服务）")
            .RequireAuthorization(PlatformRoles.Integration);
        return app;
    }

    public static async Task<Ok<MiniProgramTicket>> Login(MiniProgramLoginRequest body, HttpContext http, MiniProgramSignIn signIn,
        CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(body.Code) || body.Code.Length > 128) throw MiniProgramSignIn.InvalidCode();
        if (body.Intent is not null && (body.Intent.Length is 0 or > 64 || !body.Intent.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            throw new ProblemException(400, "oauth_intent_invalid", "绑定请求无效，请重新发起绑定");
        return TypedResults.Ok(await signIn.LoginAsync(body.Code, body.Intent, ct));
    }

    public static async Task<Ok<VerifiedPhoneNumber>> ResolvePhone(MiniProgramPhoneRequest body, MiniProgramPhoneNumbers phones,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Code) || body.Code.Length > 128) throw MiniProgramPhoneNumbers.InvalidCode();
        return TypedResults.Ok(await phones.ResolveAsync(body.Code, ct));
    }
}
