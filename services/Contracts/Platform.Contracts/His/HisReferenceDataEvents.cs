namespace Platform.Contracts.His;

/// <summary>A department as the HIS describes it (HealthcareService + its Location + campus Organization), published
/// at the first sync and whenever what consumers see of it changes. <paramref name="Code"/> is the HIS department code.</summary>
public record HisDepartmentSyncedIntegrationEvent(
    string Code, string Name, string Campus, string Building, string Floor, string Phone, string Summary, string HisId,
    bool Active) : IntegrationEvent;

/// <summary>A doctor as the HIS describes it (Practitioner + PractitionerRole). Money in integer fen.</summary>
public record HisPractitionerSyncedIntegrationEvent(
    string HisId, string Name, string Gender, string Title, IReadOnlyList<string> DepartmentCodes, string Expertise,
    string Introduction, long RegistrationFeeFen, string StaffNumber, bool Active) : IntegrationEvent;

/// <summary>Every slot of one schedule on one day (Asia/Shanghai), sent whole so a consumer can replace the day.</summary>
public record HisScheduleSlotsSyncedIntegrationEvent(
    string ScheduleHisId, string PractitionerHisId, string DepartmentCode, DateOnly Date, IReadOnlyList<HisSlot> Slots)
    : IntegrationEvent;

/// <summary>Status is the FHIR Slot status: free | busy | busy-unavailable | busy-tentative | entered-in-error.</summary>
public record HisSlot(string HisId, DateTimeOffset Start, DateTimeOffset End, string Status, string VersionId);
