namespace Identity.API.Application.WeChat;

/// <summary>Which of the hospital's WeChat apps a ticket came from: openids differ per app, the unionid does not.</summary>
public static class WeChatApps
{
    public const string ServiceAccount = "service_account";
    public const string MiniProgram = "miniprogram";
}

/// <summary>A WeChat user as one app sees them.</summary>
public sealed record WeChatIdentity(string App, string OpenId, string? UnionId)
{
    public bool IsMiniProgram => App == WeChatApps.MiniProgram;

    public override string ToString() => $"WeChatIdentity {{ App = {App} }}";
}
