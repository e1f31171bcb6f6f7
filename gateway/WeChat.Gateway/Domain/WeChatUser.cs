namespace WeChat.Gateway.Domain;

/// <summary>What the gateway knows of a follower: whether they follow now, and the profile OAuth gave us. Stored under
/// the opaque WeChat user id, with the openid and the profile encrypted (see <c>WeChatUsers</c>).</summary>
public sealed class WeChatUser
{
    public required Guid Id { get; init; }
    public required string OpenIdEncrypted { get; init; }
    /// <summary>The <see cref="WeChatProfile"/> as encrypted JSON, bound to <see cref="Id"/>.</summary>
    public string? ProfileEncrypted { get; set; }
    public bool Subscribed { get; set; }
    public DateTimeOffset? SubscribedAt { get; set; }
    public DateTimeOffset? UnsubscribedAt { get; set; }
    public DateTimeOffset? LastInteractionAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public void Subscribe(DateTimeOffset at)
    {
        Subscribed = true;
        SubscribedAt = at;
        Touch(at);
    }

    public void Unsubscribe(DateTimeOffset at)
    {
        Subscribed = false;
        UnsubscribedAt = at;
        UpdatedAt = at;
    }

    /// <summary>Customer-service messages may be sent for 48 h after the user's last interaction.</summary>
    public void Touch(DateTimeOffset at)
    {
        LastInteractionAt = at;
        UpdatedAt = at;
    }
}
