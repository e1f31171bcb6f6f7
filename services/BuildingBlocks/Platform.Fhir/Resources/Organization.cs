namespace Platform.Fhir.Resources;

public class Organization : DomainResource
{
    protected override string TypeName => "Organization";

    public List<Identifier> Identifier { get; set; } = [];
    public bool? Active { get; set; }
    public List<CodeableConcept> Type { get; set; } = [];
    public string? Name { get; set; }
    public List<string> Alias { get; set; } = [];
    public List<ContactPoint> Telecom { get; set; } = [];
    public List<Address> Address { get; set; } = [];
    public Reference? PartOf { get; set; }
    public List<ContactComponent> Contact { get; set; } = [];
    public List<Reference> Endpoint { get; set; } = [];

    public class ContactComponent : BackboneElement
    {
        public CodeableConcept? Purpose { get; set; }
        public HumanName? Name { get; set; }
        public List<ContactPoint> Telecom { get; set; } = [];
        public Address? Address { get; set; }
    }
}
