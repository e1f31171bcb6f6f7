namespace Platform.Fhir.Resources;

public class DocumentReference : DomainResource
{
    protected override string TypeName => "DocumentReference";

    public Identifier? MasterIdentifier { get; set; }
    public List<Identifier> Identifier { get; set; } = [];
    /// <summary>current | superseded | entered-in-error</summary>
    public string? Status { get; set; }
    public string? DocStatus { get; set; }
    public CodeableConcept? Type { get; set; }
    public List<CodeableConcept> Category { get; set; } = [];
    public Reference? Subject { get; set; }
    public FhirDateTime? Date { get; set; }
    public List<Reference> Author { get; set; } = [];
    public Reference? Authenticator { get; set; }
    public Reference? Custodian { get; set; }
    public List<RelatesToComponent> RelatesTo { get; set; } = [];
    public string? Description { get; set; }
    public List<CodeableConcept> SecurityLabel { get; set; } = [];
    public List<ContentComponent> Content { get; set; } = [];
    public ContextComponent? Context { get; set; }

    public class RelatesToComponent : BackboneElement
    {
        public string? Code { get; set; }
        public Reference? Target { get; set; }
    }

    public class ContentComponent : BackboneElement
    {
        public Attachment? Attachment { get; set; }
        public Coding? Format { get; set; }
    }

    public class ContextComponent : BackboneElement
    {
        public List<Reference> Encounter { get; set; } = [];
        public List<CodeableConcept> Event { get; set; } = [];
        public Period? Period { get; set; }
        public CodeableConcept? FacilityType { get; set; }
        public CodeableConcept? PracticeSetting { get; set; }
        public Reference? SourcePatientInfo { get; set; }
        public List<Reference> Related { get; set; } = [];
    }
}
