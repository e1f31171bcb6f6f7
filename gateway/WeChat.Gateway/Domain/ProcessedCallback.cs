namespace WeChat.Gateway.Domain;

/// <summary>A callback already handled. The dedup key is kept as a keyed hash: WeChat's own key for events holds the openid.</summary>
public sealed class ProcessedCallback
{
    public required string DedupKey { get; init; }
    public required Guid WeChatUserId { get; init; }
    public required string MsgType { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
