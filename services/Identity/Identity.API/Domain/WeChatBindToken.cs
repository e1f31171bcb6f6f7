namespace Identity.API.Domain;

/// <summary>Proof that someone just came back from WeChat with this openid but no account is bound to it yet: spent once,
/// by a signed-in patient, to bind the openid. Stored as its SHA-256; the openid encrypted.</summary>
public sealed class WeChatBindToken
{
    public required string TokenHash { get; init; }
    public required string OpenIdEncrypted { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}
