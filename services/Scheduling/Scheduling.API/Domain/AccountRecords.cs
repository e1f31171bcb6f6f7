namespace Scheduling.API.Domain;

/// <summary>The account accepted an agreement (Kind "booking" is R10's booking agreement).</summary>
public sealed class AgreementAcceptance
{
    public const string Booking = "booking";

    public required Guid AccountId { get; init; }
    public required string Kind { get; init; }
    public required string Version { get; set; }
    public required DateTimeOffset AcceptedAt { get; set; }
}

/// <summary>The first answer to an Idempotency-Key of an account, with the hash of the request it answered.</summary>
public sealed class IdempotencyRecord
{
    public required Guid AccountId { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public required int StatusCode { get; init; }
    public required string Response { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
