namespace Platform.Contracts.Scheduling;

/// <summary>A unit is held for a patient to accept in one tap until <paramref name="HoldUntil"/>: a rebooking after 停诊
/// (<paramref name="Kind"/> "rebooking", X13) or a freed place for a waitlisted patient ("waitlist", X14).</summary>
public record SlotOfferedIntegrationEvent(
    Guid OfferId, Guid PatientId, string Kind, string DepartmentName, string DoctorName, DateTimeOffset StartsAt,
    DateTimeOffset HoldUntil) : IntegrationEvent;
