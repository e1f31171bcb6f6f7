using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Platform.WeChat.Api;
using Platform.WeChat.OAuth;
using WeChat.Gateway.Application;
using WeChat.Gateway.Application.Credentials;
using WeChat.Gateway.Application.MiniProgram;
using WeChat.Gateway.Application.OAuth;
using WeChat.Gateway.Application.Users;
using WeChat.Gateway.Domain;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Apis;

public sealed record RedeemTicketRequest(string? Ticket);

/// <summary>The OAuth bridge: the H5 app sends the user here, WeChat sends them back with a code, and the app gets a
/// one-time wxticket that the Identity service redeems for the openid.</summary>
public static class OAuthApi
{
    public const string CallbackPath = "/api/wechat/oauth/callback";

    public static IEndpointRouteBuilder MapOAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/wechat/oauth").WithTags("微信网页授权");
        api.MapGet("/authorize", Authorize).WithName("WeChatOAuthAuthorize").WithSummary("跳转到微信网页授权");
        api.MapGet("/callback", Callback).WithName("WeChatOAuthCallback").WithSummary("微信授权回调，换取 openid 后带 wxticket 返回应用");
        api.MapPost("/tickets/redeem", Redeem).WithName("RedeemWeChatTicket").WithSummary("兑换一次性 wxticket（身份服务）")
            .RequireAuthorization(PlatformRoles.Integration);
        return app;
    }

    public static async Task<RedirectHttpResult> Authorize(string? returnUrl, string? scope, string? intent, ReturnUrlPolicy policy,
        OAuthStateSigner signer, WeChatDbContext db, IOptions<WeChatGatewayOptions> options, TimeProvider time, CancellationToken ct)
    {
        var target = policy.Resolve(returnUrl) ?? throw new ProblemException(400, "return_url_not_allowed", "跳转地址不在允许范围内");
        var oauthScope = scope switch
        {
            null or "" or "snsapi_base" => OAuthScope.SnsapiBase,
            "snsapi_userinfo" => OAuthScope.SnsapiUserInfo,
            _ => throw new ProblemException(400, "oauth_scope_invalid", "授权范围只能是 snsapi_base 或 snsapi_userinfo"),
        };
        if (intent is not null && (intent.Length is 0 or > 64 || !intent.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            throw new ProblemException(400, "oauth_intent_invalid", "绑定请求无效，请重新发起绑定");
        var now = time.GetUtcNow();
        var state = signer.Create();
        db.OAuthStates.Add(new OAuthState
        {
            State = state, ReturnUrl = target.AbsoluteUri, Scope = oauthScope.ToString(), Intent = intent, CreatedAt = now,
            ExpiresAt = now + options.Value.OAuthStateLifetime,
        });
        await db.SaveChangesAsync(ct);
        var o = options.Value;
        return TypedResults.Redirect(OAuthUrlBuilder.Build(o.AppId, o.PublicBase + CallbackPath, oauthScope, state, o.OpenBaseUrl));
    }

    public static async Task<RedirectHttpResult> Callback(string? code, string? state, OAuthStateSigner signer,
        WeChatDbContext db, WeChatClientFactory clients, WeChatTickets tickets, WeChatUsers users, TimeProvider time,
        CancellationToken ct)
    {
        var invalidState = new ProblemException(400, "oauth_state_invalid", "授权请求已失效，请重新进入");
        if (!signer.IsAuthentic(state)) throw invalidState;
        var now = time.GetUtcNow();
        var claimed = await db.OAuthStates.Where(s => s.State == state && s.UsedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UsedAt, now), ct);
        if (claimed != 1) throw invalidState;
        var request = await db.OAuthStates.AsNoTracking().SingleAsync(s => s.State == state, ct);
        var returnUrl = new Uri(request.ReturnUrl);

        if (string.IsNullOrEmpty(code)) return TypedResults.Redirect(WithQuery(returnUrl, "wxerror", "access_denied"));

        var api = clients.WithoutAccessToken();
        OAuthAccessToken token;
        OAuthUserInfo? info = null;
        try
        {
            token = await api.ExchangeOAuthCodeAsync(code, ct);
            if (token.IsSnapshotUser == 1) return TypedResults.Redirect(WithQuery(returnUrl, "wxerror", "snapshot_user"));
            if (request.Scope == nameof(OAuthScope.SnsapiUserInfo))
                info = await api.GetOAuthUserInfoAsync(token.AccessToken, token.OpenId, ct: ct);
        }
        catch (WeChatApiException)
        {
            throw new ProblemException(400, "oauth_code_invalid", "微信授权已失效，请重新进入");
        }

        var user = await users.FindOrAddAsync(token.OpenId, now, ct);
        var profile = users.Remember(user, new WeChatProfile(info?.UnionId ?? token.UnionId, info?.Nickname, info?.HeadImageUrl));
        user.UpdatedAt = now;
        var ticket = await tickets.IssueAsync(WeChatApps.ServiceAccount, token.OpenId, profile, request.Intent, ct);
        return TypedResults.Redirect(WithQuery(returnUrl, "wxticket", ticket));
    }

    public static async Task<Ok<RedeemedTicket>> Redeem(RedeemTicketRequest request, WeChatTickets tickets, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Ticket))
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["ticket"] = ["请提供 wxticket"] });
        var redeemed = await tickets.RedeemAsync(request.Ticket, ct)
            ?? throw new ProblemException(404, "wxticket_invalid", "微信登录凭证无效、已过期或已使用");
        return TypedResults.Ok(redeemed);
    }

    /// <summary>Adds a query parameter before any fragment, so hash-routed SPA URLs keep their route.</summary>
    private static string WithQuery(Uri uri, string name, string value)
    {
        var builder = new UriBuilder(uri);
        var query = builder.Query.TrimStart('?');
        builder.Query = (query.Length > 0 ? query + "&" : "") + name + "=" + Uri.EscapeDataString(value);
        return builder.Uri.AbsoluteUri;
    }
}
