namespace Platform.Contracts.Identity;

/// <summary>An account proved it owns this WeChat openid (signed in through WeChat and then with its password); an openid
/// belongs to one account at a time. Template messages for the account go to this openid.</summary>
public record WeChatAccountBoundIntegrationEvent(Guid AccountId, string OpenId) : IntegrationEvent;
