namespace Platform.Fhir.Resources;

public class Schedule : DomainResource
{
    protected override string TypeName => "Schedule";

    public List<Identifier> Identifier { get; set; } = [];
    public bool? Active { get; set; }
    public List<CodeableConcept> ServiceCategory { get; set; } = [];
    public List<CodeableConcept> ServiceType { get; set; } = [];
    public List<CodeableConcept> Specialty { get; set; } = [];
    public List<Reference> Actor { get; set; } = [];
    public Period? PlanningHorizon { get; set; }
    public string? Comment { get; set; }
}
