namespace Platform.Contracts.Scheduling;

/// <summary>A slot was booked for a patient (confirmed by the HIS when <see cref="ConfirmedByHis"/>).
/// <paramref name="PractitionerHisId"/> is the session's HIS Practitioner (the <c>practitioner_id</c> claim of the doctor
/// who works it); null from publishers that predate it.</summary>
public record AppointmentBookedIntegrationEvent(
    Guid AppointmentId, Guid PatientId, string DepartmentName, string DoctorName, string Location,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool ConfirmedByHis, string? PractitionerHisId = null) : IntegrationEvent;

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

/// <summary>A department's clinic schedule for <paramref name="Date"/> changed shape: a session was added (加诊), stopped or
/// limited, or the HIS's sync added or removed sessions or slots. Open booking pages of that department reload; a booking
/// taking a unit is not such a change (remaining counts move all day).</summary>
public record ClinicScheduleChangedIntegrationEvent(Guid DepartmentId, DateOnly Date, string Change) : IntegrationEvent;
