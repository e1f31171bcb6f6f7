namespace Platform.WeChat.Messaging;

/// <summary>Events carry no MsgId, so WeChat's guidance is to dedupe on FromUserName + CreateTime.</summary>
public abstract record InboundEvent : InboundMessage
{
    public required string Event { get; init; }
    public override string DedupKey => $"evt:{FromUserName}:{CreateTime}:{Event}";
}

/// <summary>A follow; when it came from a parametric QR code, EventKey is "qrscene_" + scene and Ticket is set.</summary>
public sealed record SubscribeEvent : InboundEvent
{
    public const string QrScenePrefix = "qrscene_";
    public string? EventKey { get; init; }
    public string? Ticket { get; init; }

    public string? SceneValue =>
        EventKey is { } key && key.StartsWith(QrScenePrefix, StringComparison.Ordinal) ? key[QrScenePrefix.Length..] : null;
}

public sealed record UnsubscribeEvent : InboundEvent;

/// <summary>An existing follower scanned a parametric QR code; EventKey is the bare scene value.</summary>
public sealed record ScanEvent : InboundEvent
{
    public required string SceneValue { get; init; }
    public string? Ticket { get; init; }
}

public sealed record ClickEvent : InboundEvent
{
    public required string EventKey { get; init; }
}

public sealed record ViewEvent : InboundEvent
{
    public required string Url { get; init; }
    public string? MenuId { get; init; }
}

public sealed record LocationReportEvent : InboundEvent
{
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public double Precision { get; init; }
}

/// <summary>Result of a template message send: Status is "success", "failed:user block" or "failed: system failed".</summary>
public sealed record TemplateSendJobFinishEvent : InboundEvent
{
    public required long MsgId { get; init; }
    public required string Status { get; init; }
    public bool Succeeded => string.Equals(Status, "success", StringComparison.Ordinal);
}

public sealed record SubscribeMessagePopupEvent : InboundEvent
{
    public required IReadOnlyList<SubscribeMessageChoice> Choices { get; init; }
}

/// <summary>SubscribeStatusString is "accept" or "reject"; PopupScene 0/1/2 tells where the pop-up was shown.</summary>
public sealed record SubscribeMessageChoice(string TemplateId, string SubscribeStatusString, string? PopupScene)
{
    public bool Accepted => string.Equals(SubscribeStatusString, "accept", StringComparison.Ordinal);
}

public sealed record OtherEvent : InboundEvent
{
    public string? EventKey { get; init; }
    public required string RawXml { get; init; }
}
