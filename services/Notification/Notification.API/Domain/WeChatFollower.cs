namespace Notification.API.Domain;

/// <summary>Whether a WeChat user (by opaque id) follows the service account: WeChat only delivers template messages to
/// followers.</summary>
public sealed class WeChatFollower
{
    public required Guid WeChatUserId { get; init; }
    public bool Subscribed { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
