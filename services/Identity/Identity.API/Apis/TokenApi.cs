using Identity.API.Application;
using Identity.API.Application.Handover;
using Identity.API.Application.Login;
using Identity.API.Application.WeChat;
using Identity.API.Infrastructure.Tokens;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Server.AspNetCore;
using Platform.ServiceDefaults.RateLimiting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.API.Apis;

public static class TokenApi
{
    /// <summary>The token endpoint in OpenIddict's passthrough mode: OpenIddict reads and validates the request (client,
    /// grant, refresh token) first, then this handler decides who signs in and OpenIddict issues the tokens. Discovery,
    /// JWKS and revocation are OpenIddict's own endpoints.</summary>
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + TokenServer.TokenPath, Token).WithTags("令牌").WithName("Token")
            .WithSummary("获取令牌（密码、短信验证码、刷新令牌、客户端凭据、微信 wxticket、小程序 web-view 交接凭证）")
            .RequireRateLimiting(RateLimitingSetup.Sensitive);
        return app;
    }

    public static async Task<IResult> Token(HttpContext http, TokenGrants grants, WeChatSignIn wechat, SmsSignIn sms, HandoverSignIn handover,
        CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server did not handle this token request");
        var (principal, error) = request.GrantType switch
        {
            GrantTypes.Password => await grants.PasswordAsync(request, http.IpAddress(), ct),
            GrantTypes.RefreshToken => await grants.RefreshAsync(http, ct),
            GrantTypes.ClientCredentials => await grants.ClientCredentialsAsync(request, ct),
            WeChatSignIn.GrantType => await wechat.GrantAsync(request, http.IpAddress(), ct),
            SmsSignIn.GrantType => await sms.GrantAsync(request, http.IpAddress(), ct),
            HandoverSignIn.GrantType => await handover.GrantAsync(request, ct),
            _ => (null, TokenError.UnsupportedGrant),
        };
        return principal is not null
            ? TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
            : Problem(error!);
    }

    public static ProblemHttpResult Problem(TokenError error)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code, ["error"] = error.OAuthError };
        if (error.Methods is not null) extensions["methods"] = error.Methods;
        if (error.MfaToken is not null) extensions["mfaToken"] = error.MfaToken;
        return TypedResults.Problem(error.Detail, statusCode: error.Status, title: error.Title, extensions: extensions);
    }
}
