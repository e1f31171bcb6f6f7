namespace Reports.API.Domain;

/// <summary>A time-limited, revocable read-only link to one report. Only the SHA-256 of the token is kept: the link
/// itself is shown once, to the patient who made it.</summary>
public sealed class ShareLink
{
    public required Guid Id { get; init; }
    public required string TokenHash { get; init; }
    public required Guid PatientId { get; init; }
    public required Guid ReportId { get; init; }
    public required string ReportTitle { get; init; }
    public required Guid CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    public int Views { get; set; }

    public string StateAt(DateTimeOffset now) => RevokedAt is not null ? "revoked" : now >= ExpiresAt ? "expired" : "active";
}
