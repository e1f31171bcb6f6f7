namespace Platform.Contracts.Convenience;

/// <summary>A convenience-service order (wheelchair, meal, record copy…) moved on: paid, accepted by its provider,
/// shipped, completed, declined (refund follows) or cancelled. Carries no address or phone.</summary>
public record ServiceOrderStatusChangedIntegrationEvent(
    Guid OrderId, Guid PatientId, string ItemName, string Status, string StatusText, string? Note, DateTimeOffset At) : IntegrationEvent;

/// <summary>A home-nursing or home-doctor visit (医护到家) moved on: nurse assigned, on the way, completed, cancelled.</summary>
public record HomeVisitStatusChangedIntegrationEvent(
    Guid VisitId, Guid PatientId, string ServiceName, string Status, string StatusText, string? Note, DateTimeOffset At) : IntegrationEvent;

/// <summary>A chronic-disease reading fell outside the thresholds the care team set for this patient: the patient and the
/// care team are told. <paramref name="ValueText"/> is e.g. "172/104 mmHg".</summary>
public record ChronicReadingOutOfRangeIntegrationEvent(
    Guid ReadingId, Guid PatientId, string Kind, string KindText, string ValueText, string ThresholdText, DateTimeOffset MeasuredAt) : IntegrationEvent;

/// <summary>Time for the patient's scheduled home measurement (blood pressure, glucose, weight).</summary>
public record ChronicMeasurementReminderDueIntegrationEvent(Guid ReminderId, Guid PatientId, string Kind, string KindText, DateTimeOffset DueAt)
    : IntegrationEvent;
