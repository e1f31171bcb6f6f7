namespace Scheduling.API.Domain;

/// <summary>An exam window held for a patient whose exam an equipment outage (设备故障) cancelled, to take in one tap (X13):
/// <see cref="ExamUnit.HeldBy"/> is the offer's id until it is accepted, declined or lapses. Its own table rather than a
/// kind of <see cref="SlotOffer"/>: a clinic offer is a session, doctor and department with a fee, an exam offer an order
/// and a room, and the two are held, booked and listed through different units and pages.</summary>
public sealed class ExamOffer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid AccountId { get; init; }
    public required Guid PatientId { get; init; }
    public required Guid OrderId { get; init; }
    public required Guid OutageId { get; init; }
    public required Guid CancelledAppointmentId { get; init; }
    public required string ItemName { get; init; }
    public required Guid SlotId { get; init; }
    public required Guid UnitId { get; init; }
    public required string UnitHisId { get; init; }
    public required string RoomName { get; init; }
    public required string Location { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset HoldUntil { get; init; }
    /// <summary>One of <see cref="SlotOffer.Open"/>, Accepted, Declined, Expired.</summary>
    public string Status { get; private set; } = SlotOffer.Open;
    public Guid? AppointmentId { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public uint Version { get; private set; }

    public void Accept(Guid appointmentId, DateTimeOffset now)
    {
        AppointmentId = appointmentId;
        Close(SlotOffer.Accepted, now);
    }

    public void Decline(DateTimeOffset now) => Close(SlotOffer.Declined, now);

    public void Expire(DateTimeOffset now) => Close(SlotOffer.Expired, now);

    private void Close(string status, DateTimeOffset now)
    {
        Status = status;
        ClosedAt = now;
    }
}
