namespace WeChat.Gateway.Domain;

public sealed class ProcessedCallback
{
    public required string DedupKey { get; init; }
    public required string OpenId { get; init; }
    public required string MsgType { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
