namespace Hospital.API.Domain.Education;

/// <summary>A department a patient booked (from Scheduling's AppointmentBooked event): the basis of article
/// recommendations. Holds ids and a department name, nothing that identifies the person.</summary>
public sealed class PatientDepartmentVisit
{
    public required Guid PatientId { get; init; }
    public required string DepartmentName { get; init; }
    public required DateTimeOffset LastBookedAt { get; set; }
}
