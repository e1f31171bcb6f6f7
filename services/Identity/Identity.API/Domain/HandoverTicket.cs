namespace Identity.API.Domain;

/// <summary>A signed-in session handed to the H5 app inside the mini-program's web-view: single-use, a minute long, bound
/// to the account, stored as its SHA-256. Carries the session's authentication methods so the H5 session is what the
/// mini-program's was (a WeChat sign-in stays one, and unbinding WeChat ends it too).</summary>
public sealed class HandoverTicket
{
    public required string TicketHash { get; init; }
    public Guid AccountId { get; init; }
    /// <summary>The amr of the session that asked, space-separated.</summary>
    public required string Amr { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}
