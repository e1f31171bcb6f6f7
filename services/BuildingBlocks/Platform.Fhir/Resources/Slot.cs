namespace Platform.Fhir.Resources;

public class Slot : DomainResource
{
    protected override string TypeName => "Slot";

    public List<Identifier> Identifier { get; set; } = [];
    public List<CodeableConcept> ServiceCategory { get; set; } = [];
    public List<CodeableConcept> ServiceType { get; set; } = [];
    public List<CodeableConcept> Specialty { get; set; } = [];
    public CodeableConcept? AppointmentType { get; set; }
    public Reference? Schedule { get; set; }
    /// <summary>busy | free | busy-unavailable | busy-tentative | entered-in-error</summary>
    public string? Status { get; set; }
    public FhirDateTime? Start { get; set; }
    public FhirDateTime? End { get; set; }
    public bool? Overbooked { get; set; }
    public string? Comment { get; set; }
}
