namespace Platform.Fhir.Resources;

public class HealthcareService : DomainResource
{
    protected override string TypeName => "HealthcareService";

    public List<Identifier> Identifier { get; set; } = [];
    public bool? Active { get; set; }
    public Reference? ProvidedBy { get; set; }
    public List<CodeableConcept> Category { get; set; } = [];
    public List<CodeableConcept> Type { get; set; } = [];
    public List<CodeableConcept> Specialty { get; set; } = [];
    public List<Reference> Location { get; set; } = [];
    public string? Name { get; set; }
    public string? Comment { get; set; }
    public string? ExtraDetails { get; set; }
    public Attachment? Photo { get; set; }
    public List<ContactPoint> Telecom { get; set; } = [];
    public List<Reference> CoverageArea { get; set; } = [];
    public List<CodeableConcept> ServiceProvisionCode { get; set; } = [];
    public List<EligibilityComponent> Eligibility { get; set; } = [];
    public List<CodeableConcept> Program { get; set; } = [];
    public List<CodeableConcept> Characteristic { get; set; } = [];
    public List<CodeableConcept> Communication { get; set; } = [];
    public List<CodeableConcept> ReferralMethod { get; set; } = [];
    public bool? AppointmentRequired { get; set; }
    public List<AvailableTime> AvailableTime { get; set; } = [];
    public List<NotAvailable> NotAvailable { get; set; } = [];
    public string? AvailabilityExceptions { get; set; }
    public List<Reference> Endpoint { get; set; } = [];

    public class EligibilityComponent : BackboneElement
    {
        public CodeableConcept? Code { get; set; }
        public string? Comment { get; set; }
    }
}
