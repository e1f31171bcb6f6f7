namespace WeChat.Gateway.Domain;

/// <summary>The latest jscode2session answer for a mini-program user, under the opaque WeChat user id of its openid. Openid,
/// unionid and session key are encrypted, bound to that id; the session key never leaves the gateway.</summary>
public sealed class MiniProgramSession
{
    public required Guid Id { get; init; }
    public required string OpenIdEncrypted { get; init; }
    public string? UnionIdEncrypted { get; set; }
    public required string SessionKeyEncrypted { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
