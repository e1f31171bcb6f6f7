namespace Scheduling.API.Domain;

/// <summary>Staff's 加诊: a request the HIS answers. The platform invents no slots; once the HIS has created the session
/// (<see cref="ScheduleHisId"/>), the normal slot sync brings it in as a <see cref="ClinicSession"/> of that schedule.</summary>
public sealed class SessionRequest
{
    public const string Pending = "pending";
    public const string Created = "created";
    public const string Refused = "refused";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid DoctorId { get; init; }
    public required string PractitionerHisId { get; init; }
    public required Guid DepartmentId { get; init; }
    public required string DepartmentCode { get; init; }
    public required DateOnly Date { get; init; }
    public required string Period { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required int SlotMinutes { get; init; }
    public required int Units { get; init; }
    public required Guid RequestedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string Status { get; private set; } = Pending;
    public string? ScheduleHisId { get; private set; }
    public string? RefusalReason { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool Answered => Status != Pending;

    public void Accept(string scheduleHisId, DateTimeOffset now)
    {
        ScheduleHisId = scheduleHisId;
        Answer(Created, now);
    }

    public void Refuse(string reason, DateTimeOffset now)
    {
        RefusalReason = reason;
        Answer(Refused, now);
    }

    private void Answer(string status, DateTimeOffset now)
    {
        Status = status;
        AnsweredAt = now;
    }

    public static string TextOf(string status) => status switch
    {
        Pending => "等待医院受理",
        Created => "已加诊",
        Refused => "医院未受理",
        _ => status,
    };
}

/// <summary>Staff's 设备故障 of an exam room for a window: the units it closed carry its id (<see cref="ExamUnit.OutageId"/>),
/// so 设备恢复 reopens exactly those.</summary>
public sealed class ExamRoomOutage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid RoomId { get; init; }
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public required string Reason { get; init; }
    public required Guid ReportedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public int CancelledAppointments { get; set; }
    public int ClosedUnits { get; set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public int ReopenedUnits { get; private set; }

    public bool Ended => EndedAt is not null;

    public void End(int reopened, DateTimeOffset now)
    {
        EndedAt = now;
        ReopenedUnits = reopened;
    }
}
