namespace Platform.Contracts.Payment;

/// <summary>Money in integer fen.</summary>
public record PaymentSucceededIntegrationEvent(
    Guid PaymentId, Guid PatientId, string OrderKind, Guid OrderId, long AmountFen, string Description,
    DateTimeOffset PaidAt) : IntegrationEvent;

public record PaymentRefundedIntegrationEvent(
    Guid PaymentId, Guid PatientId, string OrderKind, Guid OrderId, long AmountFen, string Reason) : IntegrationEvent;
