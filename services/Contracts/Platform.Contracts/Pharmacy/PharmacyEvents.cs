namespace Platform.Contracts.Pharmacy;

public record MedicineReadyForPickupIntegrationEvent(
    Guid PatientId, string PrescriptionId, string PharmacyWindow, DateTimeOffset ReadyAt) : IntegrationEvent;
