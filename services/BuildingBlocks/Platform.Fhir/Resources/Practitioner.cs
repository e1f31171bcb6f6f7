namespace Platform.Fhir.Resources;

public class Practitioner : DomainResource
{
    protected override string TypeName => "Practitioner";

    public List<Identifier> Identifier { get; set; } = [];
    public bool? Active { get; set; }
    public List<HumanName> Name { get; set; } = [];
    public List<ContactPoint> Telecom { get; set; } = [];
    public List<Address> Address { get; set; } = [];
    public string? Gender { get; set; }
    public FhirDateTime? BirthDate { get; set; }
    public List<Attachment> Photo { get; set; } = [];
    public List<QualificationComponent> Qualification { get; set; } = [];
    public List<CodeableConcept> Communication { get; set; } = [];

    public class QualificationComponent : BackboneElement
    {
        public List<Identifier> Identifier { get; set; } = [];
        public CodeableConcept? Code { get; set; }
        public Period? Period { get; set; }
        public Reference? Issuer { get; set; }
    }
}
