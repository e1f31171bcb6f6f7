namespace Platform.Contracts.Reports;

/// <summary>A lab or imaging report became final in the HIS.</summary>
public record ReportReadyIntegrationEvent(
    Guid ReportId, Guid PatientId, string HisReportId, string Category, string Title, DateTimeOffset IssuedAt)
    : IntegrationEvent;

/// <summary>A critical value (危急值): must reach the patient on every channel, quiet hours notwithstanding.</summary>
public record CriticalValueDetectedIntegrationEvent(
    Guid PatientId, string HisReportId, string ItemName, string Value, string Unit, string ReferenceRange,
    DateTimeOffset DetectedAt) : IntegrationEvent;
