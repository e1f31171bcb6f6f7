namespace Platform.Contracts.His;

/// <summary>Scheduling asks the HIS to book <paramref name="SlotHisId"/> for a patient; until the HIS answers, the
/// patient sees "等待医院确认". An exam booking names the order it carries out (<paramref name="OrderHisId"/>, a HIS
/// ServiceRequest id; the HIS Appointment is basedOn it). Answered by <see cref="HisAppointmentConfirmedIntegrationEvent"/> or
/// <see cref="HisAppointmentRejectedIntegrationEvent"/>, exactly once per <paramref name="AppointmentId"/>.</summary>
public record HisAppointmentRequestedIntegrationEvent(
    Guid AppointmentId, Guid PatientId, string SlotHisId, string? Note = null, string? OrderHisId = null) : IntegrationEvent;

public record HisAppointmentConfirmedIntegrationEvent(
    Guid AppointmentId, string HisAppointmentId, string SlotHisId) : IntegrationEvent;

/// <summary>The HIS would not book it: the slot was taken (at the HIS window, or by someone faster), or the patient
/// has no HIS record. <paramref name="Code"/> is stable (slot_taken, slot_not_found, patient_not_linked, his_refused).</summary>
public record HisAppointmentRejectedIntegrationEvent(Guid AppointmentId, string Code, string Reason) : IntegrationEvent;

public record HisAppointmentCancelRequestedIntegrationEvent(Guid AppointmentId, string Reason) : IntegrationEvent;

/// <summary>The HIS appointment is cancelled and its slot is free again.</summary>
public record HisAppointmentCancelledIntegrationEvent(Guid AppointmentId, string? HisAppointmentId) : IntegrationEvent;
