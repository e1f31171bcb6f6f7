namespace Triage.API.Domain.PreVisit;

/// <summary>Our copy of a booked clinic visit as Scheduling announced it, or of a paid online consultation as Consultation
/// announced it: who sees whom, where and when. A doctor may read a patient's pre-visit information only through such a
/// visit (care relationship): a clinic visit until a day after it starts, a consultation until <see cref="CareUntil"/>.</summary>
public sealed class VisitAppointment
{
    public required Guid Id { get; init; }
    public required Guid PatientId { get; init; }
    public Guid? DoctorId { get; set; }
    public required string DepartmentName { get; set; }
    public required string DoctorName { get; set; }
    public required string Location { get; set; }
    public required DateTimeOffset StartsAt { get; set; }
    public bool Cancelled { get; set; }
    public DateTimeOffset? CareUntil { get; set; }
}
