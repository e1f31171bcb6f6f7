namespace WeChat.Gateway.Application.MiniProgram;

/// <summary>The "WeChat:MiniProgram" section: the mini-program is its own WeChat app, with an appid, a secret and an
/// access token of its own, separate from the service account's. Without them the mini-program endpoints answer 503
/// and the rest of the gateway works as before.</summary>
public sealed class MiniProgramOptions
{
    public const string Section = "WeChat:MiniProgram";

    public string AppId { get; set; } = "";
    public string AppSecret { get; set; } = "";

    /// <summary>A phone number is taken only when WeChat granted it to our appid this recently (watermark timestamp).</summary>
    public TimeSpan PhoneWatermarkMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Which build a tapped subscribe message opens: developer, trial or formal.</summary>
    public string MessageState { get; set; } = "formal";

    public string MessageLang { get; set; } = "zh_CN";

    public bool Configured => AppId.Length > 0 && AppSecret.Length > 0;
}
