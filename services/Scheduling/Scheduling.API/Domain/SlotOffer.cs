namespace Scheduling.API.Domain;

/// <summary>A unit held for one patient to accept in one tap (<see cref="SlotUnit.HeldBy"/> is the offer's id until it
/// is accepted, declined or lapses): a rebooking after 停诊, or a freed place for the first waitlisted patient.</summary>
public sealed class SlotOffer
{
    public const string Rebooking = "rebooking";
    public const string Waitlist = "waitlist";

    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Expired = "expired";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Kind { get; init; }
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
    public string DoctorTitle { get; init; } = "";
    public required string Location { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required DateOnly LocalDate { get; init; }
    public required long FeeFen { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset HoldUntil { get; init; }
    /// <summary>The appointment 停诊 cancelled (rebooking offers).</summary>
    public Guid? CancelledAppointmentId { get; init; }
    /// <summary>The waitlist place this offer answers (waitlist offers).</summary>
    public Guid? WaitlistEntryId { get; init; }
    public string Status { get; private set; } = Open;
    public Guid? AppointmentId { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsLive(DateTimeOffset now) => Status == Open && now < HoldUntil;

    public void Accept(Guid appointmentId, DateTimeOffset now)
    {
        AppointmentId = appointmentId;
        Close(Accepted, now);
    }

    public void Decline(DateTimeOffset now) => Close(Declined, now);

    public void Expire(DateTimeOffset now) => Close(Expired, now);

    private void Close(string status, DateTimeOffset now)
    {
        Status = status;
        ClosedAt = now;
    }

    public static string TextOf(string status) => status switch
    {
        Open => "待确认",
        Accepted => "已改约",
        Declined => "已放弃",
        Expired => "已过期",
        _ => status,
    };
}
