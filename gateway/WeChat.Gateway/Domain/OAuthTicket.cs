namespace WeChat.Gateway.Domain;

/// <summary>A short-lived, one-time proof of an openid that the Identity service redeems to sign the user in.</summary>
public sealed class OAuthTicket
{
    public required string TicketHash { get; init; }
    /// <summary>Encrypted, bound to the ticket hash.</summary>
    public required string OpenIdEncrypted { get; init; }
    /// <summary>The user's <see cref="WeChatProfile"/> as encrypted JSON, bound to the ticket hash.</summary>
    public string? ProfileEncrypted { get; init; }
    /// <summary>Which app vouched for the openid (<c>WeChatApps</c>): the service account's OAuth or the mini-program's login.</summary>
    public string App { get; init; } = "service_account";
    /// <summary>The intent of the round trip that produced this ticket: Identity accepts a binding only when it matches the
    /// account and browser that started it.</summary>
    public string? Intent { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RedeemedAt { get; set; }
}
