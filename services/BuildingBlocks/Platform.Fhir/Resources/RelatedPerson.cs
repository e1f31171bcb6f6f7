namespace Platform.Fhir.Resources;

public class RelatedPerson : DomainResource
{
    protected override string TypeName => "RelatedPerson";

    public List<Identifier> Identifier { get; set; } = [];
    public bool? Active { get; set; }
    public Reference? Patient { get; set; }
    public List<CodeableConcept> Relationship { get; set; } = [];
    public List<HumanName> Name { get; set; } = [];
    public List<ContactPoint> Telecom { get; set; } = [];
    public string? Gender { get; set; }
    public FhirDateTime? BirthDate { get; set; }
    public List<Address> Address { get; set; } = [];
    public List<Attachment> Photo { get; set; } = [];
    public Period? Period { get; set; }
    public List<global::Platform.Fhir.Resources.Patient.CommunicationComponent> Communication { get; set; } = [];
}
