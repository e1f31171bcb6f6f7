namespace Platform.Fhir.Resources;

public class Location : DomainResource
{
    protected override string TypeName => "Location";

    public List<Identifier> Identifier { get; set; } = [];
    /// <summary>active | suspended | inactive</summary>
    public string? Status { get; set; }
    public Coding? OperationalStatus { get; set; }
    public string? Name { get; set; }
    public List<string> Alias { get; set; } = [];
    public string? Description { get; set; }
    /// <summary>instance | kind</summary>
    public string? Mode { get; set; }
    public List<CodeableConcept> Type { get; set; } = [];
    public List<ContactPoint> Telecom { get; set; } = [];
    public Address? Address { get; set; }
    public CodeableConcept? PhysicalType { get; set; }
    public PositionComponent? Position { get; set; }
    public Reference? ManagingOrganization { get; set; }
    public Reference? PartOf { get; set; }
    public List<HoursOfOperationComponent> HoursOfOperation { get; set; } = [];
    public string? AvailabilityExceptions { get; set; }
    public List<Reference> Endpoint { get; set; } = [];

    public class PositionComponent : BackboneElement
    {
        public decimal? Longitude { get; set; }
        public decimal? Latitude { get; set; }
        public decimal? Altitude { get; set; }
    }

    public class HoursOfOperationComponent : BackboneElement
    {
        public List<string> DaysOfWeek { get; set; } = [];
        public bool? AllDay { get; set; }
        public string? OpeningTime { get; set; }
        public string? ClosingTime { get; set; }
    }
}
