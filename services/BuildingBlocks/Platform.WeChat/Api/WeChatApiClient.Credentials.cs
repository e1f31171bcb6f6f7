using System.Text.Json.Nodes;
using Platform.WeChat.OAuth;

namespace Platform.WeChat.Api;

public sealed partial class WeChatApiClient
{
    /// <summary>GET /cgi-bin/token: each call invalidates the previous token, so only the central cache should call it.</summary>
    public async Task<AccessTokenResult> GetAccessTokenAsync(CancellationToken ct = default)
    {
        const string path = "cgi-bin/token";
        var json = await SendAsync(HttpMethod.Get, path,
            Query(("grant_type", "client_credential"), ("appid", options.AppId), ("secret", options.AppSecret)), null, ct);
        return Read<AccessTokenResult>(json, path);
    }

    /// <summary>POST /cgi-bin/stable_token: repeated calls return the same token until it nears expiry, unless forced.</summary>
    public async Task<AccessTokenResult> GetStableAccessTokenAsync(bool forceRefresh = false, CancellationToken ct = default)
    {
        const string path = "cgi-bin/stable_token";
        var body = new JsonObject
        {
            ["grant_type"] = "client_credential",
            ["appid"] = options.AppId,
            ["secret"] = options.AppSecret,
            ["force_refresh"] = forceRefresh,
        };
        return Read<AccessTokenResult>(await SendAsync(HttpMethod.Post, path, "", body, ct), path);
    }

    /// <summary>GET /sns/oauth2/access_token: trades the ?code= from the OAuth redirect for the user's openid.</summary>
    public async Task<OAuthAccessToken> ExchangeOAuthCodeAsync(string code, CancellationToken ct = default)
    {
        const string path = "sns/oauth2/access_token";
        var json = await SendAsync(HttpMethod.Get, path, Query(("appid", options.AppId), ("secret", options.AppSecret),
            ("code", code), ("grant_type", "authorization_code")), null, ct);
        return Read<OAuthAccessToken>(json, path);
    }

    /// <summary>GET /sns/userinfo with the user's OAuth token (not the account token, so no refresh-and-retry here).</summary>
    public async Task<OAuthUserInfo> GetOAuthUserInfoAsync(string oauthAccessToken, string openId, string lang = "zh_CN", CancellationToken ct = default)
    {
        const string path = "sns/userinfo";
        var json = await SendAsync(HttpMethod.Get, path,
            Query(("access_token", oauthAccessToken), ("openid", openId), ("lang", lang)), null, ct);
        return Read<OAuthUserInfo>(json, path);
    }

    /// <summary>GET /cgi-bin/ticket/getticket?type=jsapi: the ticket behind JS-SDK signatures, valid 7200 s.</summary>
    public async Task<JsApiTicketResult> GetJsApiTicketAsync(CancellationToken ct = default)
    {
        const string path = "cgi-bin/ticket/getticket";
        var json = await SendWithAccessTokenAsync(HttpMethod.Get, path, Query(("type", "jsapi")), null, ct);
        return Read<JsApiTicketResult>(json, path);
    }
}
