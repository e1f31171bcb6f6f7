namespace Identity.API.Domain;

public static class SmsPurpose
{
    public const string Register = "register";
    public const string Login = "login";
    public const string Reset = "reset";
    public const string SecondFactor = "mfa";

    public static readonly string[] Requestable = [Register, Login, Reset];
}

/// <summary>One issued code (stored only as a keyed hash). Every request leaves a row, also for numbers that get no
/// message, so rate limits hold for known and unknown numbers alike and across replicas.</summary>
public sealed class SmsCode
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string PhoneHash { get; init; }
    public required string Purpose { get; init; }
    public required string CodeHash { get; init; }
    public required string RequesterHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }

    public bool IsUsable(DateTimeOffset now, int maxAttempts) =>
        ConsumedAt is null && ExpiresAt > now && FailedAttempts < maxAttempts;
}
