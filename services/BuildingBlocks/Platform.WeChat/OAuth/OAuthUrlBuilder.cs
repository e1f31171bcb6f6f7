namespace Platform.WeChat.OAuth;

/// <summary>Builds the web authorization URL the browser is sent to inside WeChat.</summary>
public static class OAuthUrlBuilder
{
    public const string DefaultAuthorizeBase = "https://open.weixin.qq.com/";

    /// <summary>WeChat caps state at 128 bytes of letters and digits.</summary>
    public const int MaxStateLength = 128;

    public static string Build(string appId, string redirectUri, OAuthScope scope, string state, string authorizeBase = DefaultAuthorizeBase)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var redirect) || redirect.Scheme is not ("http" or "https"))
            throw new ArgumentException("redirect_uri must be an absolute http(s) URL.", nameof(redirectUri));
        if (state.Length > MaxStateLength || !state.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException("state must be at most 128 ASCII letters or digits.", nameof(state));

        var scopeValue = scope == OAuthScope.SnsapiUserInfo ? "snsapi_userinfo" : "snsapi_base";
        return authorizeBase.TrimEnd('/') + "/connect/oauth2/authorize"
            + "?appid=" + Uri.EscapeDataString(appId)
            + "&redirect_uri=" + Uri.EscapeDataString(redirectUri)
            + "&response_type=code"
            + "&scope=" + scopeValue
            + "&state=" + state
            + "#wechat_redirect";
    }
}
