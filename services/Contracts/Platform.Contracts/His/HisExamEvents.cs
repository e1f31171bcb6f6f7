namespace Platform.Contracts.His;

/// <summary>Every slot of one exam room (检查室, 采血窗口) on one day (Asia/Shanghai), sent whole so a consumer can replace
/// the day. Several HIS slots with the same start and end are units of one window (a blood-draw window with four nurses).
/// <paramref name="ServiceCode"/> is the HIS exam-service code (blood, us, ct, mri) that orders name.</summary>
public record HisExamScheduleSlotsSyncedIntegrationEvent(
    string ScheduleHisId, string RoomHisId, string RoomName, string Location, string ServiceCode, string ServiceName,
    string DepartmentCode, DateOnly Date, IReadOnlyList<HisSlot> Slots) : IntegrationEvent;

/// <summary>An exam or test a doctor ordered (FHIR ServiceRequest), once per platform patient that is this HIS patient,
/// at the first sync after the link and whenever it changes. <paramref name="Status"/> is the FHIR request status
/// (active = still to be done; completed, revoked, entered-in-error close it). <paramref name="Preparation"/> is what the
/// patient must do beforehand (空腹8小时, 去除金属物品).</summary>
public record HisExamOrderSyncedIntegrationEvent(
    string OrderHisId, Guid PatientId, string ItemCode, string ItemName, string Category, string ServiceCode,
    string Preparation, bool FastingRequired, string OrderedBy, DateTimeOffset OrderedAt, string Status) : IntegrationEvent;
