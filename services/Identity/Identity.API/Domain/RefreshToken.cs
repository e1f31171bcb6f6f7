namespace Identity.API.Domain;

/// <summary>A single-use refresh token (stored as its SHA-256). Tokens descending from one sign-in share a family;
/// presenting a spent one means it leaked, so the whole family is revoked.</summary>
public sealed class RefreshToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TokenHash { get; init; }
    public Guid FamilyId { get; init; }
    public Guid AccountId { get; init; }
    public required string ClientId { get; init; }
    public required string Amr { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
