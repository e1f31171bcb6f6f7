namespace Identity.API.Domain;

/// <summary>Proof that someone just came back from WeChat with the openid of an account that has a second factor: spent once,
/// with that factor's code, to finish the WeChat sign-in (the gateway's ticket is single-use). Stored as its SHA-256; the
/// openid encrypted. (It no longer binds anything: binding goes through <see cref="WeChatBindIntent"/>.)</summary>
public sealed class WeChatBindToken
{
    public required string TokenHash { get; init; }
    public required string OpenIdEncrypted { get; init; }
    /// <summary>Which app's openid (<c>WeChatApps</c>), and the unionid when WeChat gave one (encrypted).</summary>
    public string App { get; init; } = "service_account";
    public string? UnionIdEncrypted { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}
