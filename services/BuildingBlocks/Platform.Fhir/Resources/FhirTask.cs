namespace Platform.Fhir.Resources;

/// <summary>The FHIR <c>Task</c> resource, renamed in C# so it never collides with System.Threading.Tasks.Task.</summary>
public class FhirTask : DomainResource
{
    protected override string TypeName => "Task";

    public List<Identifier> Identifier { get; set; } = [];
    public string? InstantiatesCanonical { get; set; }
    public string? InstantiatesUri { get; set; }
    public List<Reference> BasedOn { get; set; } = [];
    public Identifier? GroupIdentifier { get; set; }
    public List<Reference> PartOf { get; set; } = [];
    /// <summary>draft | requested | received | accepted | rejected | ready | cancelled | in-progress | on-hold | failed | completed | entered-in-error</summary>
    public string? Status { get; set; }
    public CodeableConcept? StatusReason { get; set; }
    public CodeableConcept? BusinessStatus { get; set; }
    /// <summary>unknown | proposal | plan | order | original-order | reflex-order | filler-order | instance-order | option</summary>
    public string? Intent { get; set; }
    public string? Priority { get; set; }
    public CodeableConcept? Code { get; set; }
    public string? Description { get; set; }
    public Reference? Focus { get; set; }
    public Reference? For { get; set; }
    public Reference? Encounter { get; set; }
    public Period? ExecutionPeriod { get; set; }
    public FhirDateTime? AuthoredOn { get; set; }
    public FhirDateTime? LastModified { get; set; }
    public Reference? Requester { get; set; }
    public List<CodeableConcept> PerformerType { get; set; } = [];
    public Reference? Owner { get; set; }
    public Reference? Location { get; set; }
    public CodeableConcept? ReasonCode { get; set; }
    public Reference? ReasonReference { get; set; }
    public List<Reference> Insurance { get; set; } = [];
    public List<Annotation> Note { get; set; } = [];
    public List<Reference> RelevantHistory { get; set; } = [];
    public RestrictionComponent? Restriction { get; set; }
    public List<ParameterComponent> Input { get; set; } = [];
    public List<ParameterComponent> Output { get; set; } = [];

    public class RestrictionComponent : BackboneElement
    {
        public int? Repetitions { get; set; }
        public Period? Period { get; set; }
        public List<Reference> Recipient { get; set; } = [];
    }

    /// <summary>Task.input and Task.output share this shape: a type and a value[x].</summary>
    public class ParameterComponent : BackboneElement
    {
        public CodeableConcept? Type { get; set; }
        public string? ValueString { get; set; }
        public bool? ValueBoolean { get; set; }
        public int? ValueInteger { get; set; }
        public decimal? ValueDecimal { get; set; }
        public FhirDateTime? ValueDateTime { get; set; }
        public string? ValueUri { get; set; }
        public string? ValueCanonical { get; set; }
        public Coding? ValueCoding { get; set; }
        public CodeableConcept? ValueCodeableConcept { get; set; }
        public Reference? ValueReference { get; set; }
        public Quantity? ValueQuantity { get; set; }
        public Attachment? ValueAttachment { get; set; }
        public Period? ValuePeriod { get; set; }
    }
}
