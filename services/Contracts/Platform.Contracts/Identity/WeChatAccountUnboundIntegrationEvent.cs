namespace Platform.Contracts.Identity;

/// <summary>The account no longer signs in with WeChat and must not receive template messages there.</summary>
public record WeChatAccountUnboundIntegrationEvent(Guid AccountId) : IntegrationEvent;
