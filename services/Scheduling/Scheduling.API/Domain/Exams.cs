namespace Scheduling.API.Domain;

/// <summary>An exam room (CT室, 采血窗口) as the HIS describes it; <see cref="ServiceCode"/> (blood, us, ct, mri) is what
/// orders name, so an order can be booked in any room of its service.</summary>
public sealed class ExamRoom
{
    public required Guid Id { get; init; }
    public required string HisId { get; init; }
    public required string Name { get; set; }
    public required string Location { get; set; }
    public required string ServiceCode { get; set; }
    public required string ServiceName { get; set; }
}

/// <summary>A bookable window of an exam room; its capacity is the HIS units with this start and end.</summary>
public sealed class ExamSlot
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid RoomId { get; init; }
    public required string ScheduleHisId { get; init; }
    public required DateOnly Date { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
}

/// <summary>One HIS slot of an exam room: held by at most one exam appointment, never released by a sync; an outage
/// closes it (a sync keeps that too).</summary>
public sealed class ExamUnit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string HisId { get; init; }
    public required Guid SlotId { get; set; }
    public required string HisStatus { get; set; }
    public Guid? HeldBy { get; set; }
    /// <summary>Closed by staff's 设备故障 (<see cref="ExamRoomOutage"/>) until 设备恢复.</summary>
    public Guid? OutageId { get; set; }
}

/// <summary>An exam or test a doctor ordered for a platform patient (HIS ServiceRequest), with what to do beforehand.</summary>
public sealed class ExamOrder
{
    public required Guid Id { get; init; }
    public required string HisId { get; init; }
    public required Guid PatientId { get; init; }
    public required string ItemCode { get; set; }
    public required string ItemName { get; set; }
    public required string Category { get; set; }
    public required string ServiceCode { get; set; }
    public required string Preparation { get; set; }
    public bool FastingRequired { get; set; }
    public required string OrderedBy { get; set; }
    public DateTimeOffset OrderedAt { get; set; }
    public required string Status { get; set; }

    public bool IsOpen => Status == "active";
}

/// <summary>A patient's booking of one exam unit for one order; locking until the HIS confirms (no fee is taken here:
/// exams are paid with the order).</summary>
public sealed class ExamAppointment
{
    public const string CancelledByPatient = "患者取消";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid AccountId { get; init; }
    public required Guid PatientId { get; init; }
    public required Guid OrderId { get; init; }
    public required string OrderHisId { get; init; }
    public required string ItemName { get; init; }
    public required Guid SlotId { get; init; }
    public required Guid UnitId { get; init; }
    public required string UnitHisId { get; init; }
    public required string RoomName { get; init; }
    public required string Location { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string Status { get; set; } = AppointmentStatus.Locking;
    public string? FailureReason { get; set; }
    public string? HisAppointmentId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsActive => AppointmentStatus.Active.Contains(Status);

    public void Cancel(DateTimeOffset now)
    {
        Status = AppointmentStatus.Cancelled;
        UpdatedAt = now;
    }
}
