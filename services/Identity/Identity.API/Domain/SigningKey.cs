namespace Identity.API.Domain;

/// <summary>An RS256 key pair. Published in the JWKS from creation, used for signing from <see cref="ActivatesAt"/>
/// until <see cref="SigningEndsAt"/>, and published on until the last token it signed has expired.</summary>
public sealed class SigningKey
{
    public required string Kid { get; init; }
    public required string PrivateKeyEncrypted { get; init; }
    public required string PublicKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ActivatesAt { get; init; }
    public DateTimeOffset SigningEndsAt { get; init; }
}
