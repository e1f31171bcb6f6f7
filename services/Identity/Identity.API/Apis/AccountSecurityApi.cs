using System.Security.Claims;
using Identity.API.Application;
using Identity.API.Application.Accounts;
using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.RateLimiting;

namespace Identity.API.Apis;

public static class AccountSecurityApi
{
    public static IEndpointRouteBuilder MapAccountSecurityApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/identity/me").WithTags("账号安全").RequireAuthorization().RequireRateLimiting(RateLimitingSetup.Sensitive);
        me.MapPost("/password", ChangePassword).WithName("ChangePassword").WithSummary("修改密码（原密码 + 新密码；其他设备随之退出登录）");
        me.MapPost("/sessions/revoke-others", RevokeOtherSessions).WithName("RevokeOtherSessions").WithSummary("退出其他设备上的登录");
        app.MapPost("/api/identity/password-reset", ResetPassword).WithTags("账号安全").WithName("ResetPassword")
            .WithSummary("找回密码（短信验证码 + 新密码；所有设备退出登录）").RequireRateLimiting(RateLimitingSetup.Sensitive);
        return app;
    }

    public static async Task<Ok<PasswordChanged>> ChangePassword(PasswordChangeRequest request, ClaimsPrincipal user, HttpContext http,
        IdentityDbContext db, Passwords passwords, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await passwords.ChangeAsync(await db.LoadAsync(user, ct), request, user, http.IpAddress(), ct));
    }

    public static async Task<NoContent> ResetPassword(PasswordResetRequest request, HttpContext http, Passwords passwords, CancellationToken ct)
    {
        await passwords.ResetAsync(request, http.IpAddress(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<SessionsRevoked>> RevokeOtherSessions(ClaimsPrincipal user, IdentityDbContext db, AccountSessions sessions,
        CancellationToken ct)
    {
        var account = await db.LoadAsync(user, ct);
        if (user.GetAuthorizationId() is not { Length: > 0 } current)
            throw new ProblemException(400, "session_unknown", "无法识别当前登录，请重新登录后再试");
        return TypedResults.Ok(new SessionsRevoked(await sessions.RevokeOthersAsync(account.Id, current, ct)));
    }
}
