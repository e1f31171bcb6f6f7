namespace Platform.Contracts.WeChat;

// A WeChat user is named by WeChatUserId, the opaque id every service derives alike from the openid with the shared key
// (Platform.Security's WeChatUserIds); openids never travel in events.

/// <summary>A user followed the official account; <paramref name="Scene"/> is the QR scene when the follow came from one.</summary>
public record WeChatUserSubscribedIntegrationEvent(Guid WeChatUserId, string? Scene, DateTimeOffset At) : IntegrationEvent;

public record WeChatUserUnsubscribedIntegrationEvent(Guid WeChatUserId, DateTimeOffset At) : IntegrationEvent;

/// <summary>A parametric QR code "scene:value" was scanned, e.g. Scene "checkin" with Value the clinic code.</summary>
public record WeChatSceneScannedIntegrationEvent(Guid WeChatUserId, string Scene, string Value, DateTimeOffset At) : IntegrationEvent;
