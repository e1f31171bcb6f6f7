namespace Hospital.API.Domain;

/// <summary>A half-day clinic of one doctor (上午/下午), summarised from the HIS slots of that day.</summary>
public sealed class ClinicSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string ScheduleHisId { get; init; }
    public required string PractitionerHisId { get; init; }
    public required string DepartmentCode { get; init; }
    public required DateOnly Date { get; init; }
    public required string Period { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required int TotalSlots { get; init; }
    public required int FreeSlots { get; init; }
}
