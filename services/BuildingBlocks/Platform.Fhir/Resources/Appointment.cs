namespace Platform.Fhir.Resources;

public class Appointment : DomainResource
{
    protected override string TypeName => "Appointment";

    public List<Identifier> Identifier { get; set; } = [];
    /// <summary>proposed | pending | booked | arrived | fulfilled | cancelled | noshow | entered-in-error | checked-in | waitlist</summary>
    public string? Status { get; set; }
    public CodeableConcept? CancelationReason { get; set; }
    public List<CodeableConcept> ServiceCategory { get; set; } = [];
    public List<CodeableConcept> ServiceType { get; set; } = [];
    public List<CodeableConcept> Specialty { get; set; } = [];
    public CodeableConcept? AppointmentType { get; set; }
    public List<CodeableConcept> ReasonCode { get; set; } = [];
    public List<Reference> ReasonReference { get; set; } = [];
    public int? Priority { get; set; }
    public string? Description { get; set; }
    public List<Reference> SupportingInformation { get; set; } = [];
    public FhirDateTime? Start { get; set; }
    public FhirDateTime? End { get; set; }
    public int? MinutesDuration { get; set; }
    public List<Reference> Slot { get; set; } = [];
    public FhirDateTime? Created { get; set; }
    public string? Comment { get; set; }
    public string? PatientInstruction { get; set; }
    public List<Reference> BasedOn { get; set; } = [];
    public List<ParticipantComponent> Participant { get; set; } = [];
    public List<Period> RequestedPeriod { get; set; } = [];

    public class ParticipantComponent : BackboneElement
    {
        public List<CodeableConcept> Type { get; set; } = [];
        public Reference? Actor { get; set; }
        /// <summary>required | optional | information-only</summary>
        public string? Required { get; set; }
        /// <summary>accepted | declined | tentative | needs-action</summary>
        public string? Status { get; set; }
        public Period? Period { get; set; }
    }
}
