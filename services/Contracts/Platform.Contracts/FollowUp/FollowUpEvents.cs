namespace Platform.Contracts.FollowUp;

/// <summary>A questionnaire is waiting for the patient on the phone (R25, R29, R30). <paramref name="Purpose"/>:
/// satisfaction, followup (a follow-up plan's questionnaire: must reach the phone), recruitment.</summary>
public record SurveySentIntegrationEvent(
    Guid ResponseId, Guid PatientId, string Purpose, string Title, string? DepartmentName) : IntegrationEvent;

/// <summary>The hospital answered a complaint or suggestion (R28); <paramref name="Excerpt"/> is the start of the reply.</summary>
public record ComplaintRepliedIntegrationEvent(
    Guid ComplaintId, Guid PatientId, string Kind, string HandlerGroup, string Excerpt) : IntegrationEvent;

/// <summary>A complaint's handling moved on (routed, acknowledged, closed), for the patient's message centre (R26).</summary>
public record ComplaintStatusChangedIntegrationEvent(
    Guid ComplaintId, Guid PatientId, string Status, string StatusText) : IntegrationEvent;
