namespace Platform.Contracts.His;

/// <summary>Staff stopped a clinic session on the platform: the HIS closes the session's slots (busy-unavailable) and
/// cancels the listed appointments. <paramref name="Period"/> is AM or PM. Patients are told by Scheduling, not here.</summary>
public record HisSessionStopRequestedIntegrationEvent(
    string ScheduleHisId, DateOnly Date, string Period, string Reason, IReadOnlyList<Guid> AppointmentIds) : IntegrationEvent;

/// <summary>Staff limited a session (临时限号): the HIS closes these free slots (busy-unavailable). For an exam room's
/// equipment failure (<paramref name="Outage"/>) the listed slots close whether free or busy: the platform cancels its
/// own appointments on them (separate commands), so either order of the two leaves them closed.</summary>
public record HisSlotsCloseRequestedIntegrationEvent(IReadOnlyList<string> SlotHisIds, string Reason, bool Outage = false) : IntegrationEvent;

/// <summary>The equipment is back (设备恢复): the HIS reopens these slots if they are still closed for the outage.</summary>
public record HisSlotsReopenRequestedIntegrationEvent(IReadOnlyList<string> SlotHisIds, string Reason) : IntegrationEvent;

/// <summary>Staff asked for an added session (加诊): the HIS creates a Schedule for the practitioner in the department
/// with <paramref name="Units"/> consecutive Slots of <paramref name="SlotMinutes"/> from <paramref name="StartsAt"/>.
/// The platform invents no slots: the normal slot sync brings them. Answered once by <see cref="HisSessionAddedIntegrationEvent"/>
/// or <see cref="HisSessionAddRefusedIntegrationEvent"/>.</summary>
public record HisSessionAddRequestedIntegrationEvent(
    Guid RequestId, string PractitionerHisId, string DepartmentCode, DateOnly Date, string Period, DateTimeOffset StartsAt,
    int SlotMinutes, int Units) : IntegrationEvent;

public record HisSessionAddedIntegrationEvent(Guid RequestId, string ScheduleHisId, IReadOnlyList<string> SlotHisIds) : IntegrationEvent;

/// <summary>The HIS would not create the session; <paramref name="Reason"/> is the HIS's own words when it gave any.</summary>
public record HisSessionAddRefusedIntegrationEvent(Guid RequestId, string Reason) : IntegrationEvent;
