namespace Platform.Contracts.Identity;

/// <summary>A verified patient (就诊人) was added to an account. Carries ids only: the ID number, phone and name stay in
/// Identity, and a consumer that needs them asks <c>GET /api/identity/internal/patients/{id}</c> with a client token
/// holding the <c>patient_identifiers</c> scope.</summary>
public record PatientRegisteredIntegrationEvent(Guid PatientId, Guid AccountId) : IntegrationEvent;
