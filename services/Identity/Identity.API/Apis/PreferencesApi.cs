using System.Security.Claims;
using Identity.API.Application.Accounts;
using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Apis;

/// <summary>How the patient app looks for this account, on whichever device it signs in from.</summary>
public sealed record AccountPreferences(bool ElderMode);

/// <summary>The body of PUT: every field is required, so a typo never silently switches a setting off.</summary>
public sealed record AccountPreferencesUpdate(bool? ElderMode);

public static class PreferencesApi
{
    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/me/preferences").WithTags("我的账号").RequireAuthorization();
        api.MapGet("/", GetPreferences).WithName("GetMyPreferences").WithSummary("显示偏好（长辈模式）");
        api.MapPut("/", PutPreferences).WithName("PutMyPreferences").WithSummary("保存显示偏好（长辈模式）");
        return app;
    }

    public static async Task<Ok<AccountPreferences>> GetPreferences(ClaimsPrincipal user, HttpContext http, IdentityDbContext db,
        CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var account = await db.LoadAsync(user, ct);
        return TypedResults.Ok(new AccountPreferences(account.ElderMode));
    }

    public static async Task<Ok<AccountPreferences>> PutPreferences(AccountPreferencesUpdate? body, ClaimsPrincipal user, HttpContext http,
        IdentityDbContext db, CancellationToken ct)
    {
        if (body?.ElderMode is not { } elderMode)
            throw new ProblemException(400, "validation_failed", "请指定是否开启长辈模式（elderMode 为 true 或 false）");
        http.Response.Headers.CacheControl = "no-store";
        var account = await db.LoadAsync(user, ct);
        account.ElderMode = elderMode;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new AccountPreferences(account.ElderMode));
    }
}
