namespace Platform.WeChat.Api;

public sealed record WeChatApiOptions
{
    public const string DefaultApiBaseAddress = "https://api.weixin.qq.com/";

    public required string AppId { get; init; }
    public required string AppSecret { get; init; }

    /// <summary>Point this at the WeChat simulator in development and tests; the wire protocol is the same.</summary>
    public Uri ApiBaseAddress { get; init; } = new(DefaultApiBaseAddress);
}
