namespace Platform.Contracts.Inpatient;

public record PatientAdmittedIntegrationEvent(
    Guid PatientId, string HisEncounterId, string Ward, string Bed, DateTimeOffset AdmittedAt) : IntegrationEvent;

public record BedChangedIntegrationEvent(
    Guid PatientId, string HisEncounterId, string Ward, string Bed, DateTimeOffset ChangedAt) : IntegrationEvent;

public record PatientDischargedIntegrationEvent(
    Guid PatientId, string HisEncounterId, DateTimeOffset DischargedAt, bool HasDischargeMedication) : IntegrationEvent;

public record SurgeryScheduledIntegrationEvent(
    Guid PatientId, string HisProcedureId, string Name, DateTimeOffset ScheduledAt, string Location) : IntegrationEvent;
