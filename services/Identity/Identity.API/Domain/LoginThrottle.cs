namespace Identity.API.Domain;

/// <summary>Failed sign-ins counted per account (or per unknown login name, so unknown names behave the same).</summary>
public sealed class LoginThrottle
{
    public required string KeyHash { get; init; }
    public int Failures { get; set; }
    public DateTimeOffset WindowStartedAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
