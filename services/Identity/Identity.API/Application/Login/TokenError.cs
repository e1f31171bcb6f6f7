namespace Identity.API.Application.Login;

/// <summary>A refused token request: the stable <see cref="Code"/> and Chinese title of the contract, plus the RFC 6749
/// <see cref="OAuthError"/> for generic OAuth clients.</summary>
public sealed record TokenError(string Code, string OAuthError, string Title, string? Detail = null,
    IReadOnlyList<string>? Methods = null, int Status = 400, string? MfaToken = null)
{
    public static readonly TokenError InvalidCredentials = new("invalid_credentials", "invalid_grant", "用户名或密码错误", "用户名或密码错误，请重新输入");
    public static readonly TokenError Locked = new("locked", "invalid_grant", "密码登录已临时锁定",
        "密码错误次数过多，密码登录已暂停，请15分钟后再试，或使用短信验证码登录");
    public static readonly TokenError InvalidGrant = new("invalid_grant", "invalid_grant", "登录已失效", "登录已失效，请重新登录");
    public static readonly TokenError InvalidOtp = new("invalid_otp", "invalid_grant", "验证码错误", "动态验证码错误或已过期，请重新输入");
    public static readonly TokenError InvalidClient = new("invalid_client", "invalid_client", "客户端无效", "客户端身份验证失败", Status: 401);
    public static readonly TokenError UnsupportedGrant = new("unsupported_grant_type", "unsupported_grant_type", "不支持的授权方式");
    public static readonly TokenError WrongPortal = new("unauthorized_client", "unauthorized_client", "该账号无权登录此端", "该账号无权登录此端，请使用对应的入口登录");

    public static readonly TokenError ClientNotAllowed = new("unauthorized_client", "unauthorized_client", "客户端无权使用此授权方式", "该客户端无权使用此授权方式");
    public static readonly TokenError InvalidRequest = new("invalid_request", "invalid_request", "请求无效", "请求参数不完整或无效");

    public static readonly TokenError InvalidWeChatTicket = new("wxticket_invalid", "invalid_grant", "微信登录已失效", "微信登录凭证无效或已使用，请重新进入");

    /// <summary>The answer for a refusal OpenIddict made itself (before or after our handler), by its RFC 6749 error.</summary>
    public static TokenError FromOAuth(string error) => error switch
    {
        // OpenIddict answers a spent, revoked, expired or foreign refresh token with invalid_grant or invalid_token.
        "invalid_grant" or "invalid_token" or "expired_token" => InvalidGrant,
        "invalid_client" => InvalidClient,
        "unsupported_grant_type" => UnsupportedGrant,
        "unauthorized_client" => ClientNotAllowed,
        _ => InvalidRequest with { OAuthError = error },
    };

    /// <summary>No account has bound this WeChat: the owner signs in with the password and binds it from their account.</summary>
    public static readonly TokenError WeChatBindRequired = new("wechat_bind_required", "invalid_grant", "微信尚未绑定账号",
        "请使用账号密码登录并确认绑定微信，之后即可微信一键登录");

    public static TokenError SlowDown(int retryAfterSeconds) => new("too_many_attempts", "invalid_grant", "尝试过于频繁",
        $"登录失败次数过多，请{retryAfterSeconds}秒后再试", Status: 429);

    public static TokenError MfaRequired(IReadOnlyList<string> methods) => new("mfa_required", "invalid_grant", "需要二次验证",
        methods.Count == 0 ? "该入口要求二次验证，请先绑定身份验证器" : "请输入动态验证码完成登录", methods);
}
