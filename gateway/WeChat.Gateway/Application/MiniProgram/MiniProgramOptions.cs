namespace WeChat.Gateway.Application.MiniProgram;

/// <summary>The "WeChat:MiniProgram" section: the mini-program is its own WeChat app, with an appid, a secret and an
/// access token of its own, separate from the service account's.</summary>
public sealed class MiniProgramOptions
{
    public const string Section = "WeChat:MiniProgram";

    public string AppId { get; set; } = "";
    public string AppSecret { get; set; } = "";

    /// <summary>Which build a tapped subscribe message opens: developer, trial or formal.</summary>
    public string MessageState { get; set; } = "formal";

    public string MessageLang { get; set; } = "zh_CN";

    public bool IsConfigured => AppId.Length > 0 && AppSecret.Length > 0;
}
