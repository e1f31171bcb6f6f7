namespace WeChat.Gateway.Domain;

/// <summary>A short-lived, one-time proof of an openid that the Identity service redeems to sign the user in.</summary>
public sealed class OAuthTicket
{
    public required string TicketHash { get; init; }
    /// <summary>Encrypted, bound to the ticket hash.</summary>
    public required string OpenIdEncrypted { get; init; }
    public string? UnionId { get; init; }
    public string? Nickname { get; init; }
    public string? HeadImageUrl { get; init; }
    /// <summary>The intent of the round trip that produced this ticket: Identity accepts a binding only when it matches the
    /// account and browser that started it.</summary>
    public string? Intent { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RedeemedAt { get; set; }
}
