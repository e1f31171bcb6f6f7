namespace Platform.Contracts.Identity;

/// <summary>An account signed in from the mini-program: <paramref name="WeChatUserId"/> is the opaque id of the
/// mini-program openid (Platform.Security's WeChatUserIds of that openid; a mini-program openid differs from the
/// service-account one). Mini-program subscribe messages for the account go there.</summary>
public record MiniProgramAccountBoundIntegrationEvent(Guid AccountId, Guid WeChatUserId) : IntegrationEvent;

/// <summary>The account no longer signs in from the mini-program and must not receive its subscribe messages.</summary>
public record MiniProgramAccountUnboundIntegrationEvent(Guid AccountId) : IntegrationEvent;
