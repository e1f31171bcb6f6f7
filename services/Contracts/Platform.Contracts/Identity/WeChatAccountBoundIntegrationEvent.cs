namespace Platform.Contracts.Identity;

/// <summary>An account proved it owns this WeChat user (signed in through WeChat and then with its password); a WeChat user
/// belongs to one account at a time. Template messages for the account go to this user. The user is named by its opaque
/// id (Platform.Security's WeChatUserIds), never by the openid.</summary>
public record WeChatAccountBoundIntegrationEvent(Guid AccountId, Guid WeChatUserId) : IntegrationEvent;
