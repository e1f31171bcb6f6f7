namespace Identity.API.Domain;

public static class AgreementKind
{
    public const string Registration = "registration";
    public const string Privacy = "privacy";
    public const string Booking = "booking";

    public static readonly string[] All = [Registration, Privacy, Booking];
    public static readonly string[] RequiredAtRegistration = [Registration, Privacy];
}

/// <summary>One published version of an agreement; the current one is the latest already published.</summary>
public sealed class Agreement
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Kind { get; init; }
    public required string Version { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
}

/// <summary>Evidence of consent (PIPL art. 14): who accepted which version, when, through which channel and from where.</summary>
public sealed class AgreementConsent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AccountId { get; init; }
    public required string Kind { get; init; }
    public required string Version { get; init; }
    public DateTimeOffset AcceptedAt { get; init; }
    public required string Channel { get; init; }
    public required string IpAddress { get; init; }
}
