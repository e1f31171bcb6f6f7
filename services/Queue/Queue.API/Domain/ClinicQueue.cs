namespace Queue.API.Domain;

/// <summary>One doctor's clinic in one room on one day (Asia/Shanghai).</summary>
public sealed class ClinicQueue
{
    public required Guid Id { get; init; }
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
