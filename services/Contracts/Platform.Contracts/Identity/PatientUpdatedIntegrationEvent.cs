namespace Platform.Contracts.Identity;

/// <summary>A patient's contact details changed. Same fields as registration, so consumers can upsert.</summary>
public record PatientUpdatedIntegrationEvent(
    Guid PatientId,
    Guid AccountId,
    string Name,
    string Gender,
    DateOnly BirthDate,
    string IdType,
    string IdNumber,
    string Phone) : IntegrationEvent;
