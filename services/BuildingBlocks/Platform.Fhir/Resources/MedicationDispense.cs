namespace Platform.Fhir.Resources;

public class MedicationDispense : DomainResource
{
    protected override string TypeName => "MedicationDispense";

    public List<Identifier> Identifier { get; set; } = [];
    public List<Reference> PartOf { get; set; } = [];
    /// <summary>preparation | in-progress | cancelled | on-hold | completed | entered-in-error | stopped | declined | unknown</summary>
    public string? Status { get; set; }
    public CodeableConcept? StatusReasonCodeableConcept { get; set; }
    public Reference? StatusReasonReference { get; set; }
    public CodeableConcept? Category { get; set; }
    public CodeableConcept? MedicationCodeableConcept { get; set; }
    public Reference? MedicationReference { get; set; }
    public Reference? Subject { get; set; }
    public Reference? Context { get; set; }
    public List<Reference> SupportingInformation { get; set; } = [];
    public List<PerformerComponent> Performer { get; set; } = [];
    public Reference? Location { get; set; }
    public List<Reference> AuthorizingPrescription { get; set; } = [];
    public CodeableConcept? Type { get; set; }
    public Quantity? Quantity { get; set; }
    public Quantity? DaysSupply { get; set; }
    public FhirDateTime? WhenPrepared { get; set; }
    public FhirDateTime? WhenHandedOver { get; set; }
    public Reference? Destination { get; set; }
    public List<Reference> Receiver { get; set; } = [];
    public List<Annotation> Note { get; set; } = [];
    public List<Dosage> DosageInstruction { get; set; } = [];
    public SubstitutionComponent? Substitution { get; set; }

    public class PerformerComponent : BackboneElement
    {
        public CodeableConcept? Function { get; set; }
        public Reference? Actor { get; set; }
    }

    public class SubstitutionComponent : BackboneElement
    {
        public bool? WasSubstituted { get; set; }
        public CodeableConcept? Type { get; set; }
        public List<CodeableConcept> Reason { get; set; } = [];
        public List<Reference> ResponsibleParty { get; set; } = [];
    }
}
