namespace Platform.Fhir.Resources;

public class ChargeItem : DomainResource
{
    protected override string TypeName => "ChargeItem";

    public List<Identifier> Identifier { get; set; } = [];
    public List<string> DefinitionUri { get; set; } = [];
    public List<string> DefinitionCanonical { get; set; } = [];
    /// <summary>planned | billable | not-billable | aborted | billed | entered-in-error | unknown</summary>
    public string? Status { get; set; }
    public List<Reference> PartOf { get; set; } = [];
    public CodeableConcept? Code { get; set; }
    public Reference? Subject { get; set; }
    public Reference? Context { get; set; }
    public FhirDateTime? OccurrenceDateTime { get; set; }
    public Period? OccurrencePeriod { get; set; }
    public Timing? OccurrenceTiming { get; set; }
    public List<PerformerComponent> Performer { get; set; } = [];
    public Reference? PerformingOrganization { get; set; }
    public Reference? RequestingOrganization { get; set; }
    public Reference? CostCenter { get; set; }
    public Quantity? Quantity { get; set; }
    public List<CodeableConcept> Bodysite { get; set; } = [];
    public decimal? FactorOverride { get; set; }
    public Money? PriceOverride { get; set; }
    public string? OverrideReason { get; set; }
    public Reference? Enterer { get; set; }
    public FhirDateTime? EnteredDate { get; set; }
    public List<CodeableConcept> Reason { get; set; } = [];
    public List<Reference> Service { get; set; } = [];
    public Reference? ProductReference { get; set; }
    public CodeableConcept? ProductCodeableConcept { get; set; }
    public List<Reference> Account { get; set; } = [];
    public List<Annotation> Note { get; set; } = [];
    public List<Reference> SupportingInformation { get; set; } = [];

    public class PerformerComponent : BackboneElement
    {
        public CodeableConcept? Function { get; set; }
        public Reference? Actor { get; set; }
    }
}
