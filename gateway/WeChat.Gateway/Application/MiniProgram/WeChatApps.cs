namespace WeChat.Gateway.Application.MiniProgram;

/// <summary>Which of the hospital's WeChat apps vouched for an openid (openids differ per app; the unionid does not).</summary>
public static class WeChatApps
{
    public const string ServiceAccount = "service_account";
    public const string MiniProgram = "miniprogram";
}
