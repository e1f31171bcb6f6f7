namespace Platform.Contracts.Scheduling;

/// <summary>Every step of a booking (locking, awaitingPayment, booked, failed, cancelled, expired), so the patient's open
/// pages follow it live. A step that is also news (booked, cancelled) has its own event for the message centre.</summary>
public record AppointmentStatusChangedIntegrationEvent(
    Guid AppointmentId, Guid PatientId, string Status, string StatusText, string? FailureReason) : IntegrationEvent;
