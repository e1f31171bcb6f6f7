namespace Platform.Contracts.Identity;

/// <summary>The account may no longer act for this patient (the medical record itself stays with the hospital).</summary>
public record PatientRemovedIntegrationEvent(Guid PatientId, Guid AccountId) : IntegrationEvent;
