namespace WeChat.Gateway.Domain;

public static class SentMessageStatus
{
    public const string Sent = "sent";
    public const string Failed = "failed";
}

/// <summary>The outcome of one send request, keyed by the requester's MessageId.</summary>
public sealed class SentMessage
{
    public Guid MessageId { get; init; }
    public required string Kind { get; init; }
    public required Guid WeChatUserId { get; init; }
    public string? ClientMsgId { get; init; }
    public required string Status { get; set; }
    public long? WeChatMsgId { get; set; }
    public int Attempts { get; set; }
    public int? ErrCode { get; set; }
    public string? ErrMsg { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
