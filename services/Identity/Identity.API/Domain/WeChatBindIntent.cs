namespace Identity.API.Domain;

/// <summary>A signed-in patient's request to bind a WeChat, from one browser. Its nonce travels through the WeChat OAuth
/// round trip and comes back inside the gateway's ticket; the browser that started it holds a key in an HttpOnly cookie.
/// A ticket is accepted only when both match this account, and the WeChat user it names then waits here, shown to the
/// owner, until they confirm or cancel. Nonce and key are stored as SHA-256, the openid encrypted.</summary>
public sealed class WeChatBindIntent
{
    public Guid Id { get; init; }
    public Guid AccountId { get; init; }
    public required string NonceHash { get; init; }
    public required string BrowserKeyHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Set when the ticket came back: the WeChat user waiting for the owner's confirmation.</summary>
    public DateTimeOffset? RedeemedAt { get; set; }
    public string? OpenIdEncrypted { get; set; }
    /// <summary>Which app the waiting WeChat user came through (<c>WeChatApps</c>), and their unionid (encrypted).</summary>
    public string? App { get; set; }
    public string? UnionIdEncrypted { get; set; }
    public string? Nickname { get; set; }
    public string? HeadImageUrl { get; set; }

    /// <summary>Confirmed (bound) or cancelled: spent either way.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
}
