namespace Platform.Contracts.Scheduling;

/// <summary>The HIS confirmed an exam booking: the room's queue expects the patient, and the preparation notes
/// (<paramref name="Preparation"/>: 空腹8小时, 憋尿) are pushed before it. <paramref name="ServiceCode"/> (blood, us, ct, mri)
/// tells the blood-draw station (blood) from exam rooms. Places and items only, never the patient's name.</summary>
public record ExamBookedIntegrationEvent(
    Guid AppointmentId, Guid PatientId, string ItemName, string ServiceCode, string RoomName, string Location,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Preparation, bool FastingRequired) : IntegrationEvent
{
    public const string BloodDraw = "blood";
}

/// <summary>A booked exam will not take place (the patient, the HIS or an equipment outage cancelled it).</summary>
public record ExamCancelledIntegrationEvent(Guid AppointmentId, Guid PatientId, string Reason) : IntegrationEvent;
