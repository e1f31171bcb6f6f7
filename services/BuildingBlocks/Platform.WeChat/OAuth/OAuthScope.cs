namespace Platform.WeChat.OAuth;

public enum OAuthScope
{
    /// <summary>Silent: yields the openid only.</summary>
    SnsapiBase,
    /// <summary>Asks the user's consent and allows the userinfo call.</summary>
    SnsapiUserInfo,
}
