namespace Platform.Contracts.Pharmacy;

public record MedicineReadyForPickupIntegrationEvent(
    Guid PatientId, string PrescriptionId, string PharmacyWindow, DateTimeOffset ReadyAt) : IntegrationEvent;

/// <summary>A prescription conflicts with the patient's record (R34). <paramref name="Kind"/>: allergy, interaction,
/// duplicate, dose, age, pregnancy; <paramref name="Severity"/>: high, moderate, low. <paramref name="Advice"/> says what to
/// do (ask the pharmacist; do not stop on your own). Drug names, not identifiers.</summary>
public record MedicationSafetyAlertRaisedIntegrationEvent(
    Guid AlertId, Guid PatientId, string Kind, string Severity, string Title, string Detail, string Advice,
    IReadOnlyList<string> DrugNames, DateTimeOffset RaisedAt) : IntegrationEvent;

/// <summary>Each step of a medicine delivery (R33): packed, handed-over, in-transit, delivered, lost, refused.</summary>
public record DeliveryStatusChangedIntegrationEvent(
    Guid DeliveryId, Guid PatientId, string Status, string StatusText, string? Note, DateTimeOffset At) : IntegrationEvent;

/// <summary>A dose of discharge medication is due now (R32): the drug and the dose, to remind the patient.</summary>
public record DoseReminderDueIntegrationEvent(
    Guid ReminderId, Guid PatientId, string DrugName, string Dose, DateTimeOffset DueAt) : IntegrationEvent;
