namespace Platform.Fhir.Resources;

public class MedicationRequest : DomainResource
{
    protected override string TypeName => "MedicationRequest";

    public List<Identifier> Identifier { get; set; } = [];
    /// <summary>active | on-hold | cancelled | completed | entered-in-error | stopped | draft | unknown</summary>
    public string? Status { get; set; }
    public CodeableConcept? StatusReason { get; set; }
    /// <summary>proposal | plan | order | original-order | reflex-order | filler-order | instance-order | option</summary>
    public string? Intent { get; set; }
    public List<CodeableConcept> Category { get; set; } = [];
    public string? Priority { get; set; }
    public bool? DoNotPerform { get; set; }
    public bool? ReportedBoolean { get; set; }
    public Reference? ReportedReference { get; set; }
    public CodeableConcept? MedicationCodeableConcept { get; set; }
    public Reference? MedicationReference { get; set; }
    public Reference? Subject { get; set; }
    public Reference? Encounter { get; set; }
    public List<Reference> SupportingInformation { get; set; } = [];
    public FhirDateTime? AuthoredOn { get; set; }
    public Reference? Requester { get; set; }
    public Reference? Performer { get; set; }
    public CodeableConcept? PerformerType { get; set; }
    public Reference? Recorder { get; set; }
    public List<CodeableConcept> ReasonCode { get; set; } = [];
    public List<Reference> ReasonReference { get; set; } = [];
    public List<Reference> BasedOn { get; set; } = [];
    public Identifier? GroupIdentifier { get; set; }
    public CodeableConcept? CourseOfTherapyType { get; set; }
    public List<Reference> Insurance { get; set; } = [];
    public List<Annotation> Note { get; set; } = [];
    public List<Dosage> DosageInstruction { get; set; } = [];
    public DispenseRequestComponent? DispenseRequest { get; set; }
    public SubstitutionComponent? Substitution { get; set; }
    public Reference? PriorPrescription { get; set; }

    public class DispenseRequestComponent : BackboneElement
    {
        public InitialFillComponent? InitialFill { get; set; }
        public Quantity? DispenseInterval { get; set; }
        public Period? ValidityPeriod { get; set; }
        public int? NumberOfRepeatsAllowed { get; set; }
        public Quantity? Quantity { get; set; }
        public Quantity? ExpectedSupplyDuration { get; set; }
        public Reference? Performer { get; set; }
    }

    public class InitialFillComponent : BackboneElement
    {
        public Quantity? Quantity { get; set; }
        public Quantity? Duration { get; set; }
    }

    public class SubstitutionComponent : BackboneElement
    {
        public bool? AllowedBoolean { get; set; }
        public CodeableConcept? AllowedCodeableConcept { get; set; }
        public CodeableConcept? Reason { get; set; }
    }
}
