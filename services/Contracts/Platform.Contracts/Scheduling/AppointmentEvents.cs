namespace Platform.Contracts.Scheduling;

/// <summary>A slot was booked for a patient (confirmed by the HIS when <see cref="ConfirmedByHis"/>).
/// <paramref name="DoctorId"/> is the platform doctor id, <c>HisIds.Doctor(practitionerHisId)</c>: who sees the patient,
/// so services can tell a doctor's own patients (care relationship) from anyone else's.</summary>
public record AppointmentBookedIntegrationEvent(
    Guid AppointmentId, Guid PatientId, string DepartmentName, string DoctorName, string Location,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool ConfirmedByHis, Guid? DoctorId = null) : IntegrationEvent;

public record AppointmentCancelledIntegrationEvent(
    Guid AppointmentId, Guid PatientId, string DepartmentName, string DoctorName, DateTimeOffset StartsAt,
    string Reason) : IntegrationEvent;

/// <summary>A doctor's clinic session will not take place (停诊); every booked patient must hear of it.</summary>
public record ClinicStoppedIntegrationEvent(
    string SessionId, string DepartmentName, string DoctorName, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string Reason, IReadOnlyList<Guid> AffectedPatientIds) : IntegrationEvent;

/// <summary>Bookable slots were cut for a session (临时限号).</summary>
public record SlotsLimitedIntegrationEvent(
    string SessionId, string DepartmentName, string DoctorName, DateTimeOffset StartsAt, int RemainingSlots,
    string Reason) : IntegrationEvent;

/// <summary>An exam room's equipment failed (设备故障): the patients whose exams in the window were cancelled must hear of it,
/// each once; <see cref="HeldForPatientIds"/> are those for whom another window is held (一键改约 on the exams page).</summary>
public record ExamRoomOutageIntegrationEvent(
    Guid OutageId, string RoomName, string Location, DateTimeOffset From, DateTimeOffset To, string Reason,
    IReadOnlyList<Guid> AffectedPatientIds, IReadOnlyList<Guid>? HeldForPatientIds = null) : IntegrationEvent;
