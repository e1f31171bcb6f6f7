namespace WeChat.Gateway.Domain;

/// <summary>One authorization round trip: where to send the user back, usable once, and the opaque intent the app started it
/// with (Identity's bind intent), handed on to the ticket.</summary>
public sealed class OAuthState
{
    public required string State { get; init; }
    public required string ReturnUrl { get; init; }
    public required string Scope { get; init; }
    public string? Intent { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}
