namespace Platform.Contracts.WeChat;

/// <summary>A user followed the official account; <paramref name="Scene"/> is the QR scene when the follow came from one.</summary>
public record WeChatUserSubscribedIntegrationEvent(string OpenId, string? Scene, DateTimeOffset At) : IntegrationEvent;

public record WeChatUserUnsubscribedIntegrationEvent(string OpenId, DateTimeOffset At) : IntegrationEvent;

/// <summary>A parametric QR code "scene:value" was scanned, e.g. Scene "checkin" with Value the clinic code.</summary>
public record WeChatSceneScannedIntegrationEvent(string OpenId, string Scene, string Value, DateTimeOffset At) : IntegrationEvent;
