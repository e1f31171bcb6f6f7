namespace Notification.API.Domain;

/// <summary>The WeChat user an account signed in with, by its opaque id (never the openid, which this service does not
/// keep). Template messages need it; the link is announced by Identity when the patient binds WeChat
/// (WeChatAccountBoundIntegrationEvent).</summary>
public sealed class WeChatBinding
{
    public Guid AccountId { get; init; }
    public required Guid WeChatUserId { get; set; }
    public required DateTimeOffset BoundAt { get; set; }
}
