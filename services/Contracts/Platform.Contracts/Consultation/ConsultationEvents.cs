namespace Platform.Contracts.Consultation;

/// <summary>Something a consultation's open chat pages must re-read: a message, a read receipt, a status change.
/// Carries ids only; the pages fetch the content from the Consultation API, which checks who is asking.</summary>
public record ConsultationChangedIntegrationEvent(
    Guid ConsultationId, Guid PatientId, string PractitionerHisId, string Change, string Status, long Seq) : IntegrationEvent;

/// <summary>The consultation was paid and waits for the doctor (for the doctor's message centre and workstation). It also
/// opens the doctor's care relationship with the patient until <paramref name="EndsBy"/> (or the ended event): the
/// patient's records and pre-consultation summary beside the chat.</summary>
public record ConsultationPaidIntegrationEvent(
    Guid ConsultationId, Guid PatientId, string PractitionerHisId, string DoctorName, string Kind, string DepartmentName = "",
    DateTimeOffset? EndsBy = null) : IntegrationEvent;

/// <summary>The consultation ended (by the doctor or at its time limit); the summary is read in the app.</summary>
public record ConsultationEndedIntegrationEvent(
    Guid ConsultationId, Guid PatientId, string PractitionerHisId, string DoctorName, string EndedBy, DateTimeOffset EndedAt)
    : IntegrationEvent;

/// <summary>The note of an ended consultation that a doctor took (by the doctor with a summary, or at its time limit),
/// for the hospital's record: the HIS adapter writes it to the HIS as a finished virtual Encounter (class VR) with a
/// DocumentReference holding <paramref name="Summary"/>, once per consultation. <paramref name="DepartmentCode"/> is the
/// HIS department code; <paramref name="Complaint"/> the patient's description. Clinical text only, no identifiers.</summary>
public record ConsultationNoteForHisIntegrationEvent(
    Guid ConsultationId, Guid PatientId, string PractitionerHisId, string DoctorName, string DepartmentCode, string DepartmentName,
    string Kind, string Complaint, string Summary, string EndedBy, DateTimeOffset StartedAt, DateTimeOffset EndedAt) : IntegrationEvent;

/// <summary>A pharmacist approved an online e-prescription: Pharmacy takes it for payment, pickup or delivery.
/// Money in integer fen.</summary>
public record EPrescriptionReleasedIntegrationEvent(
    Guid PrescriptionId, Guid ConsultationId, Guid PatientId, string PractitionerHisId, string DoctorName, string Diagnosis,
    IReadOnlyList<EPrescriptionLine> Lines, string ApprovedBy, DateTimeOffset ApprovedAt) : IntegrationEvent;

public record EPrescriptionLine(string DrugCode, string DrugName, decimal Dose, string Unit, int TimesPerDay, int Days, string Route);

/// <summary>Video-call signalling (X08) from one side of a consultation to the other: <paramref name="Kind"/> is offer,
/// answer or hangup; <paramref name="Data"/> the SDP (ICE candidates gathered in). Relayed live only, never stored.</summary>
public record ConsultationSignalIntegrationEvent(
    Guid ConsultationId, Guid PatientId, string PractitionerHisId, string From, string Kind, string Data, Guid CallId) : IntegrationEvent;
