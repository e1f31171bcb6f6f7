namespace Platform.Fhir.Resources;

public class Patient : DomainResource
{
    protected override string TypeName => "Patient";

    public List<Identifier> Identifier { get; set; } = [];
    public bool? Active { get; set; }
    public List<HumanName> Name { get; set; } = [];
    public List<ContactPoint> Telecom { get; set; } = [];
    /// <summary>male | female | other | unknown</summary>
    public string? Gender { get; set; }
    public FhirDateTime? BirthDate { get; set; }
    public bool? DeceasedBoolean { get; set; }
    public FhirDateTime? DeceasedDateTime { get; set; }
    public List<Address> Address { get; set; } = [];
    public CodeableConcept? MaritalStatus { get; set; }
    public bool? MultipleBirthBoolean { get; set; }
    public int? MultipleBirthInteger { get; set; }
    public List<Attachment> Photo { get; set; } = [];
    public List<ContactComponent> Contact { get; set; } = [];
    public List<CommunicationComponent> Communication { get; set; } = [];
    public List<Reference> GeneralPractitioner { get; set; } = [];
    public Reference? ManagingOrganization { get; set; }
    public List<LinkComponent> Link { get; set; } = [];

    public class ContactComponent : BackboneElement
    {
        public List<CodeableConcept> Relationship { get; set; } = [];
        public HumanName? Name { get; set; }
        public List<ContactPoint> Telecom { get; set; } = [];
        public Address? Address { get; set; }
        public string? Gender { get; set; }
        public Reference? Organization { get; set; }
        public Period? Period { get; set; }
    }

    public class CommunicationComponent : BackboneElement
    {
        public CodeableConcept? Language { get; set; }
        public bool? Preferred { get; set; }
    }

    public class LinkComponent : BackboneElement
    {
        public Reference? Other { get; set; }
        /// <summary>replaced-by | replaces | refer | seealso</summary>
        public string? Type { get; set; }
    }
}
