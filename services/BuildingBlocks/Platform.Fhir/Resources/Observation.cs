namespace Platform.Fhir.Resources;

public class Observation : DomainResource
{
    protected override string TypeName => "Observation";

    public List<Identifier> Identifier { get; set; } = [];
    public List<Reference> BasedOn { get; set; } = [];
    public List<Reference> PartOf { get; set; } = [];
    /// <summary>registered | preliminary | final | amended | corrected | cancelled | entered-in-error | unknown</summary>
    public string? Status { get; set; }
    public List<CodeableConcept> Category { get; set; } = [];
    public CodeableConcept? Code { get; set; }
    public Reference? Subject { get; set; }
    public List<Reference> Focus { get; set; } = [];
    public Reference? Encounter { get; set; }
    public FhirDateTime? EffectiveDateTime { get; set; }
    public Period? EffectivePeriod { get; set; }
    public Timing? EffectiveTiming { get; set; }
    public FhirDateTime? EffectiveInstant { get; set; }
    public FhirDateTime? Issued { get; set; }
    public List<Reference> Performer { get; set; } = [];
    public Quantity? ValueQuantity { get; set; }
    public CodeableConcept? ValueCodeableConcept { get; set; }
    public string? ValueString { get; set; }
    public bool? ValueBoolean { get; set; }
    public int? ValueInteger { get; set; }
    public Range? ValueRange { get; set; }
    public Ratio? ValueRatio { get; set; }
    public SampledData? ValueSampledData { get; set; }
    public string? ValueTime { get; set; }
    public FhirDateTime? ValueDateTime { get; set; }
    public Period? ValuePeriod { get; set; }
    public CodeableConcept? DataAbsentReason { get; set; }
    public List<CodeableConcept> Interpretation { get; set; } = [];
    public List<Annotation> Note { get; set; } = [];
    public CodeableConcept? BodySite { get; set; }
    public CodeableConcept? Method { get; set; }
    public Reference? Specimen { get; set; }
    public Reference? Device { get; set; }
    public List<ReferenceRangeComponent> ReferenceRange { get; set; } = [];
    public List<Reference> HasMember { get; set; } = [];
    public List<Reference> DerivedFrom { get; set; } = [];
    public List<ComponentComponent> Component { get; set; } = [];

    public class ReferenceRangeComponent : BackboneElement
    {
        public Quantity? Low { get; set; }
        public Quantity? High { get; set; }
        public CodeableConcept? Type { get; set; }
        public List<CodeableConcept> AppliesTo { get; set; } = [];
        public Range? Age { get; set; }
        public string? Text { get; set; }
    }

    public class ComponentComponent : BackboneElement
    {
        public CodeableConcept? Code { get; set; }
        public Quantity? ValueQuantity { get; set; }
        public CodeableConcept? ValueCodeableConcept { get; set; }
        public string? ValueString { get; set; }
        public bool? ValueBoolean { get; set; }
        public int? ValueInteger { get; set; }
        public Range? ValueRange { get; set; }
        public Ratio? ValueRatio { get; set; }
        public SampledData? ValueSampledData { get; set; }
        public string? ValueTime { get; set; }
        public FhirDateTime? ValueDateTime { get; set; }
        public Period? ValuePeriod { get; set; }
        public CodeableConcept? DataAbsentReason { get; set; }
        public List<CodeableConcept> Interpretation { get; set; } = [];
        public List<ReferenceRangeComponent> ReferenceRange { get; set; } = [];
    }
}
