namespace Platform.Fhir.Resources;

public class Communication : DomainResource
{
    protected override string TypeName => "Communication";

    public List<Identifier> Identifier { get; set; } = [];
    public List<string> InstantiatesCanonical { get; set; } = [];
    public List<Reference> BasedOn { get; set; } = [];
    public List<Reference> PartOf { get; set; } = [];
    public List<Reference> InResponseTo { get; set; } = [];
    /// <summary>preparation | in-progress | not-done | on-hold | stopped | completed | entered-in-error | unknown</summary>
    public string? Status { get; set; }
    public CodeableConcept? StatusReason { get; set; }
    public List<CodeableConcept> Category { get; set; } = [];
    /// <summary>routine | urgent | asap | stat</summary>
    public string? Priority { get; set; }
    public List<CodeableConcept> Medium { get; set; } = [];
    public Reference? Subject { get; set; }
    public CodeableConcept? Topic { get; set; }
    public List<Reference> About { get; set; } = [];
    public Reference? Encounter { get; set; }
    public FhirDateTime? Sent { get; set; }
    public FhirDateTime? Received { get; set; }
    public List<Reference> Recipient { get; set; } = [];
    public Reference? Sender { get; set; }
    public List<CodeableConcept> ReasonCode { get; set; } = [];
    public List<Reference> ReasonReference { get; set; } = [];
    public List<PayloadComponent> Payload { get; set; } = [];
    public List<Annotation> Note { get; set; } = [];

    public class PayloadComponent : BackboneElement
    {
        public string? ContentString { get; set; }
        public Attachment? ContentAttachment { get; set; }
        public Reference? ContentReference { get; set; }
    }
}
