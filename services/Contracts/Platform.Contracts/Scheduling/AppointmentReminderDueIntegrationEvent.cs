namespace Platform.Contracts.Scheduling;

/// <summary>The day before a booked visit (<paramref name="Kind"/> "clinic") or exam ("exam"), once per appointment:
/// where and when, and for an exam its preparation notes. Names only places and staff, never the patient.</summary>
public record AppointmentReminderDueIntegrationEvent(
    Guid AppointmentId, Guid PatientId, string Kind, string DepartmentName, string DoctorName, string ItemName,
    string RoomName, string Location, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Preparation) : IntegrationEvent
{
    public const string Clinic = "clinic";
    public const string Exam = "exam";
}
