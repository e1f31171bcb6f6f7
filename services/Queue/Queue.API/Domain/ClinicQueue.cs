namespace Queue.API.Domain;

/// <summary>One doctor's clinic in one room on one day (Asia/Shanghai).</summary>
public sealed class ClinicQueue
{
    public required Guid Id { get; init; }
    public required DateOnly Day { get; init; }
    public required string DepartmentName { get; init; }
    public required string DoctorName { get; init; }
    public required string Location { get; init; }
    public int LastNumber { get; set; }
    public Guid? CallingTicketId { get; set; }
    public int? CallingNumber { get; set; }

    public string Name => $"{DepartmentName} {DoctorName}";

    public int TakeNumber() => ++LastNumber;
}
