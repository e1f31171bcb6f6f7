using Identity.API.Application.Login;
using Identity.API.Application.Tokens;
using Identity.API.Application.WeChat;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.RateLimiting;

namespace Identity.API.Apis;

public static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/connect").WithTags("令牌");
        api.MapPost("/token", Token).WithName("Token").WithSummary("获取令牌（密码、刷新令牌、客户端凭据、微信 wxticket）")
            .RequireRateLimiting(RateLimitingSetup.Sensitive);
        api.MapPost("/revoke", Revoke).WithName("RevokeToken").WithSummary("吊销刷新令牌（整个令牌族）");
        return app;
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Token(HttpContext http, TokenGrants grants, WeChatSignIn wechat,
        CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!http.Request.HasFormContentType) return Problem(TokenError.UnsupportedGrant);
        var form = await http.Request.ReadFormAsync(ct);
        var (tokens, error) = form["grant_type"].ToString() switch
        {
            "password" => await grants.PasswordAsync(form, ct),
            "refresh_token" => await grants.RefreshAsync(form, ct),
            "client_credentials" => grants.ClientCredentials(http.Request),
            "wechat_ticket" => await wechat.GrantAsync(form, ct),
            _ => (null, TokenError.UnsupportedGrant),
        };
        return tokens is not null ? TypedResults.Ok(tokens) : Problem(error!);
    }

    /// <summary>RFC 7009: answers 200 whether or not the token was known.</summary>
    public static async Task<Ok> Revoke(HttpRequest request, RefreshTokenService refresh, CancellationToken ct)
    {
        if (request.HasFormContentType && (await request.ReadFormAsync(ct))["token"].ToString() is { Length: > 0 and <= 200 } token)
            await refresh.RevokeAsync(token, ct);
        return TypedResults.Ok();
    }

    public static ProblemHttpResult Problem(TokenError error)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code, ["error"] = error.OAuthError };
        if (error.Methods is not null) extensions["methods"] = error.Methods;
        if (error.BindToken is not null) extensions["bindToken"] = error.BindToken;
        return TypedResults.Problem(error.Detail, statusCode: error.Status, title: error.Title, extensions: extensions);
    }
}
