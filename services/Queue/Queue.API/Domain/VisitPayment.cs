namespace Queue.API.Domain;

/// <summary>A payment for care (an outpatient bill, drugs, an exam) as Payment announced it: only when and what kind, so the
/// day's itinerary can tick off 缴费. Never the amount's description or anything personal.</summary>
public sealed class VisitPayment
{
    public required Guid PaymentId { get; init; }
    public required Guid PatientId { get; init; }
    public required string OrderKind { get; init; }
    public required DateTimeOffset PaidAt { get; init; }
}
