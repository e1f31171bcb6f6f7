namespace Platform.Fhir.Resources;

public class Consent : DomainResource
{
    protected override string TypeName => "Consent";

    public List<Identifier> Identifier { get; set; } = [];
    /// <summary>draft | proposed | active | rejected | inactive | entered-in-error</summary>
    public string? Status { get; set; }
    public CodeableConcept? Scope { get; set; }
    public List<CodeableConcept> Category { get; set; } = [];
    public Reference? Patient { get; set; }
    public FhirDateTime? DateTime { get; set; }
    public List<Reference> Performer { get; set; } = [];
    public List<Reference> Organization { get; set; } = [];
    public Attachment? SourceAttachment { get; set; }
    public Reference? SourceReference { get; set; }
    public List<PolicyComponent> Policy { get; set; } = [];
    public CodeableConcept? PolicyRule { get; set; }
    public List<VerificationComponent> Verification { get; set; } = [];
    public ProvisionComponent? Provision { get; set; }

    public class PolicyComponent : BackboneElement
    {
        public string? Authority { get; set; }
        public string? Uri { get; set; }
    }

    public class VerificationComponent : BackboneElement
    {
        public bool? Verified { get; set; }
        public Reference? VerifiedWith { get; set; }
        public FhirDateTime? VerificationDate { get; set; }
    }

    public class ProvisionComponent : BackboneElement
    {
        /// <summary>deny | permit</summary>
        public string? Type { get; set; }
        public Period? Period { get; set; }
        public List<ActorComponent> Actor { get; set; } = [];
        public List<CodeableConcept> Action { get; set; } = [];
        public List<Coding> SecurityLabel { get; set; } = [];
        public List<Coding> Purpose { get; set; } = [];
        public List<Coding> Class { get; set; } = [];
        public List<CodeableConcept> Code { get; set; } = [];
        public Period? DataPeriod { get; set; }
        public List<DataComponent> Data { get; set; } = [];
        public List<ProvisionComponent> Provision { get; set; } = [];
    }

    public class ActorComponent : BackboneElement
    {
        public CodeableConcept? Role { get; set; }
        public Reference? Reference { get; set; }
    }

    public class DataComponent : BackboneElement
    {
        /// <summary>instance | related | dependents | authoredby</summary>
        public string? Meaning { get; set; }
        public Reference? Reference { get; set; }
    }
}
