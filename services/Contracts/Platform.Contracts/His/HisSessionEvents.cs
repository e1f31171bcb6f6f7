namespace Platform.Contracts.His;

/// <summary>Staff stopped a clinic session on the platform: the HIS closes the session's slots (busy-unavailable) and
/// cancels the listed appointments. <paramref name="Period"/> is AM or PM. Patients are told by Scheduling, not here.</summary>
public record HisSessionStopRequestedIntegrationEvent(
    string ScheduleHisId, DateOnly Date, string Period, string Reason, IReadOnlyList<Guid> AppointmentIds) : IntegrationEvent;

/// <summary>Staff limited a session (临时限号): the HIS closes these free slots (busy-unavailable).</summary>
public record HisSlotsCloseRequestedIntegrationEvent(IReadOnlyList<string> SlotHisIds, string Reason) : IntegrationEvent;
