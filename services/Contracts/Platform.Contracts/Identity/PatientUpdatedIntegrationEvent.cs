namespace Platform.Contracts.Identity;

/// <summary>A patient's contact details changed. Ids only, as for registration: consumers fetch the current details.</summary>
public record PatientUpdatedIntegrationEvent(Guid PatientId, Guid AccountId) : IntegrationEvent;
