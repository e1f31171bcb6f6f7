namespace Platform.Contracts.Payment;

/// <summary>What a payment is for: the owning service's id is the order id (e.g. an appointment's).</summary>
public static class OrderKinds
{
    public const string Registration = "registration";
    public const string Exam = "exam";
    public const string Drug = "drug";
    public const string Deposit = "deposit";
    /// <summary>An outpatient bill the HIS charged (门诊缴费: exams, tests, drugs), paid as a whole.</summary>
    public const string Outpatient = "outpatient";
    /// <summary>The fee for delivering medicine to the patient (Pharmacy's delivery order id).</summary>
    public const string Delivery = "delivery";
    /// <summary>An online consultation's fee (Consultation's consultation id).</summary>
    public const string Consultation = "consultation";
    /// <summary>An in-hospital convenience service (wheelchair, meal, record copy…; Convenience's service order id).</summary>
    public const string Convenience = "convenience";
    /// <summary>A home-nursing or home-doctor visit (医护到家; Convenience's home visit id).</summary>
    public const string HomeCare = "home-care";
}

/// <summary>Money in integer fen.</summary>
public record PaymentSucceededIntegrationEvent(
    Guid PaymentId, Guid PatientId, string OrderKind, Guid OrderId, long AmountFen, string Description,
    DateTimeOffset PaidAt) : IntegrationEvent;

public record PaymentRefundedIntegrationEvent(
    Guid PaymentId, Guid PatientId, string OrderKind, Guid OrderId, long AmountFen, string Reason) : IntegrationEvent;

/// <summary>A service asks the patient's account to pay for something it holds until <paramref name="PayBy"/>.</summary>
public record PaymentRequestedIntegrationEvent(
    string OrderKind, Guid OrderId, Guid AccountId, Guid PatientId, long AmountFen, string Description,
    DateTimeOffset PayBy) : IntegrationEvent;

/// <summary>The thing is no longer for sale (hold lapsed, cancelled before paying): close the order; money that still
/// arrives for it is refunded.</summary>
public record PaymentWithdrawnIntegrationEvent(string OrderKind, Guid OrderId, string Reason) : IntegrationEvent;

/// <summary>Give money back for a paid order: <paramref name="AmountFen"/> null means everything not yet refunded.</summary>
public record RefundRequestedIntegrationEvent(string OrderKind, Guid OrderId, long? AmountFen, string Reason) : IntegrationEvent;

/// <summary>Each step of a payment, for the patient's open pages (live only).</summary>
public record PaymentStatusChangedIntegrationEvent(
    Guid PaymentId, Guid PatientId, string OrderKind, Guid OrderId, string Status, string StatusText) : IntegrationEvent;
