namespace Scheduling.API.Domain;

/// <summary>A patient's booking of one HIS unit in a slot. Names and place are copied at booking time, so the patient
/// sees what they booked even if the HIS renames things later.</summary>
public sealed class Appointment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid AccountId { get; init; }
    public required Guid PatientId { get; init; }
    public required Guid SlotId { get; init; }
    public required Guid UnitId { get; init; }
    public required string UnitHisId { get; init; }
    public required Guid SessionId { get; init; }
    public required Guid DepartmentId { get; init; }
    public required string DepartmentName { get; init; }
    public required Guid DoctorId { get; init; }
    public required string DoctorName { get; init; }
    public required string Location { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    /// <summary>The clinic day in Asia/Shanghai: one active appointment per patient, department and day.</summary>
    public required DateOnly LocalDate { get; init; }
    public required long FeeFen { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset HoldExpiresAt { get; init; }
    public string Status { get; private set; } = AppointmentStatus.Locking;
    public string? FailureReason { get; private set; }
    public string? CancelReason { get; private set; }
    public string? HisAppointmentId { get; private set; }
    public bool ConfirmedByHis { get; private set; }
    /// <summary>The patient was told once that the HIS is slow to answer (「等待医院确认」).</summary>
    public bool SlowNotified { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>The patient asked for their money back instead of a rebooking (X13).</summary>
    public DateTimeOffset? RefundRequestedAt { get; private set; }
    /// <summary>What is owed back in fen: the fee when it was paid, else nothing.</summary>
    public long RefundOwedFen { get; private set; }
    /// <summary>The appointment whose registration-fee order paid for this one: itself once paid, or the one it replaced
    /// (改约, a rebooking after 停诊), so the fee carries over and a refund goes back through the order that took it.</summary>
    public Guid? PaidByAppointmentId { get; private set; }
    public long PaidFen { get; private set; }
    public uint Version { get; private set; }
    public List<AppointmentStep> Steps { get; init; } = [];

    public bool IsActive => AppointmentStatus.Active.Contains(Status);

    public void Start(DateTimeOffset now) => Step(AppointmentStatus.Locking, now);

    /// <summary>The HIS booked it: 待支付 when a fee is still owed, else booked at once (no fee, the fee carried over
    /// from the appointment it replaced, or payment not required).</summary>
    public void Confirm(string hisAppointmentId, bool withoutPayment, DateTimeOffset now)
    {
        HisAppointmentId = hisAppointmentId;
        ConfirmedByHis = true;
        Step(withoutPayment || FeeFen <= 0 || PaidByAppointmentId is not null ? AppointmentStatus.Booked : AppointmentStatus.AwaitingPayment, now);
    }

    /// <summary>Payment credited its fee while it was 待支付.</summary>
    public void Pay(long fen, DateTimeOffset now)
    {
        PaidByAppointmentId = Id;
        PaidFen = fen;
        Step(AppointmentStatus.Booked, now);
    }

    /// <summary>This new appointment replaces <paramref name="old"/>: what was paid for the old one pays for it.</summary>
    public void CarryPaymentFrom(Appointment old)
    {
        PaidByAppointmentId = old.PaidByAppointmentId;
        PaidFen = old.PaidFen;
    }

    /// <summary>Part of what was carried over went back: the appointment holds only its own fee.</summary>
    public void KeepOnly(long fen) => PaidFen = Math.Min(PaidFen, fen);

    public void Fail(string reason, DateTimeOffset now)
    {
        FailureReason = reason;
        Step(AppointmentStatus.Failed, now);
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        CancelReason = reason;
        Step(AppointmentStatus.Cancelled, now);
    }

    public void Expire(DateTimeOffset now) => Step(AppointmentStatus.Expired, now);

    public void MarkSlow() => SlowNotified = true;

    public void RequestRefund(DateTimeOffset now)
    {
        if (RefundRequestedAt is not null) return;
        RefundRequestedAt = now;
        RefundOwedFen = PaidFen;
        UpdatedAt = now;
    }

    private void Step(string status, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
        Steps.Add(new AppointmentStep { AppointmentId = Id, Status = status, StatusText = AppointmentStatus.TextOf(status), At = now });
    }
}

public sealed class AppointmentStep
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid AppointmentId { get; init; }
    public required string Status { get; init; }
    public required string StatusText { get; init; }
    public required DateTimeOffset At { get; init; }
}
