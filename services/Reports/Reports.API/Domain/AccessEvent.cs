namespace Reports.API.Domain;

/// <summary>One read (or refused attempt to read) of a patient's record, shaped as a FHIR AuditEvent: type rest, action R,
/// an agent (who, role, requestor), the entity read and the purpose of use. Rows are only ever inserted: the table
/// refuses UPDATE and DELETE (a trigger in the migration).</summary>
public sealed class AccessEvent
{
    public required Guid Id { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required Guid PatientId { get; init; }
    /// <summary>AuditEvent.outcome: 0 success, 4 refused.</summary>
    public required string Outcome { get; init; }
    public string? OutcomeText { get; init; }
    /// <summary>AuditEvent.subtype: read, search.</summary>
    public required string Subtype { get; init; }
    public Guid? AgentAccountId { get; init; }
    /// <summary>patient, doctor, staff, share (someone holding a share link).</summary>
    public required string AgentRole { get; init; }
    public required string AgentName { get; init; }
    public string? AgentPractitionerId { get; init; }
    /// <summary>v3 PurposeOfUse: PATRQT (the patient or their family), TREAT (care), HOPERAT (hospital operations), PATSHR (shared by the patient).</summary>
    public required string PurposeCode { get; init; }
    public required string PurposeText { get; init; }
    /// <summary>AuditEvent.entity.what: DiagnosticReport/dr-lab-00001, DocumentReference/…, Encounter (the list), Observation?code=….</summary>
    public required string EntityType { get; init; }
    public string? EntityId { get; init; }
    public string? EntityTitle { get; init; }
}
