namespace Scheduling.API.Domain;

/// <summary>A half-day clinic (AM/PM) of one HIS schedule on one day; <see cref="SessionKey"/> is
/// <c>HisIds.SessionKey</c>, the name HIS stop-clinic pushes use.</summary>
public sealed class ClinicSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string SessionKey { get; init; }
    public required string ScheduleHisId { get; init; }
    public required DateOnly Date { get; init; }
    public required string Period { get; init; }
    public required string PractitionerHisId { get; set; }
    public required Guid DoctorId { get; set; }
    public required string DepartmentCode { get; set; }
    public required Guid DepartmentId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public bool Stopped { get; private set; }
    public string? StopReason { get; private set; }
    public string? LimitReason { get; private set; }

    public void Stop(string reason)
    {
        Stopped = true;
        StopReason = reason;
    }

    public void Limit(string reason) => LimitReason = reason;
}
