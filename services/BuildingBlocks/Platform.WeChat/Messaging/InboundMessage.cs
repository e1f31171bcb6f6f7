namespace Platform.WeChat.Messaging;

/// <summary>Common header of every message or event WeChat posts to the callback URL.</summary>
public abstract record InboundMessage
{
    public required string ToUserName { get; init; }
    public required string FromUserName { get; init; }
    public required long CreateTime { get; init; }
    public required string MsgType { get; init; }

    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeSeconds(CreateTime);

    /// <summary>WeChat retries a callback up to three times; this key lets a consumer process each one once.</summary>
    public abstract string DedupKey { get; }
}

/// <summary>A user-sent message; WeChat gives each a MsgId that is stable across retries.</summary>
public abstract record UserMessage : InboundMessage
{
    public required long MsgId { get; init; }
    public override string DedupKey => $"msg:{MsgId}";
}

public sealed record TextMessage : UserMessage
{
    public required string Content { get; init; }
}

public sealed record ImageMessage : UserMessage
{
    public required string PicUrl { get; init; }
    public required string MediaId { get; init; }
}

public sealed record VoiceMessage : UserMessage
{
    public required string MediaId { get; init; }
    public required string Format { get; init; }
    public string? Recognition { get; init; }
}

public sealed record LocationMessage : UserMessage
{
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public int Scale { get; init; }
    public string? Label { get; init; }
}

public sealed record LinkMessage : UserMessage
{
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required string Url { get; init; }
}

/// <summary>A message type this library does not model; the raw XML is kept for the caller.</summary>
public sealed record OtherMessage : UserMessage
{
    public required string RawXml { get; init; }
}
