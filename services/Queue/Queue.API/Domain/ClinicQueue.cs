namespace Queue.API.Domain;

/// <summary>What a queue serves: a doctor's clinic, an exam room, a blood-draw window (采血) or a pharmacy pick-up
/// window (取药). Clinics are run by their doctor; the others by staff (and pharmacy windows by pharmacists too).</summary>
public static class QueueKind
{
    public const string Clinic = "clinic";
    public const string Exam = "exam";
    public const string BloodDraw = "blood";
    public const string Pharmacy = "pharmacy";

    public static readonly IReadOnlyList<string> All = [Clinic, Exam, BloodDraw, Pharmacy];
}

/// <summary>One queue on one day (Asia/Shanghai): a doctor's clinic in one room (<see cref="DepartmentName"/> the department,
/// <see cref="DoctorName"/> the doctor), or an exam room / blood-draw window (the service and the room's name) or a pharmacy
/// window (药房 and the window).</summary>
public sealed class ClinicQueue
{
    public required Guid Id { get; init; }
    public string Kind { get; init; } = QueueKind.Clinic;
    public required DateOnly Day { get; init; }
    public required string DepartmentName { get; init; }
    public required string DoctorName { get; init; }
    public required string Location { get; init; }
    /// <summary>The HIS Practitioner who works this clinic: the session's, as Scheduling announced it with each booking, or
    /// the one staff assigned it to. Only a doctor whose <c>practitioner_id</c> claim is this may run the queue.</summary>
    public string? PractitionerHisId { get; set; }
    public int LastNumber { get; set; }
    public Guid? CallingTicketId { get; set; }
    public int? CallingNumber { get; set; }

    public string Name => $"{DepartmentName} {DoctorName}";

    public int TakeNumber() => ++LastNumber;
}
