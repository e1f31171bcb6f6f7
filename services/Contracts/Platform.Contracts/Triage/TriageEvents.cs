namespace Platform.Contracts.Triage;

/// <summary>A pre-visit screening questionnaire (X12, 诊前筛查 such as 流行病学筛查) awaits the patient's answers before a
/// booked visit: the patient hears of it by app message and WeChat. Ids, place and time only.</summary>
public record PreVisitScreeningRequestedIntegrationEvent(
    Guid ScreeningId, Guid AppointmentId, Guid PatientId, string Title, string DepartmentName, string DoctorName,
    DateTimeOffset StartsAt) : IntegrationEvent;
