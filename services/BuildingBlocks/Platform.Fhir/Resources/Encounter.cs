namespace Platform.Fhir.Resources;

public class Encounter : DomainResource
{
    protected override string TypeName => "Encounter";

    public List<Identifier> Identifier { get; set; } = [];
    /// <summary>planned | arrived | triaged | in-progress | onleave | finished | cancelled | entered-in-error | unknown</summary>
    public string? Status { get; set; }
    public List<StatusHistoryComponent> StatusHistory { get; set; } = [];
    public Coding? Class { get; set; }
    public List<CodeableConcept> Type { get; set; } = [];
    public CodeableConcept? ServiceType { get; set; }
    public CodeableConcept? Priority { get; set; }
    public Reference? Subject { get; set; }
    public List<Reference> EpisodeOfCare { get; set; } = [];
    public List<Reference> BasedOn { get; set; } = [];
    public List<ParticipantComponent> Participant { get; set; } = [];
    public List<Reference> Appointment { get; set; } = [];
    public Period? Period { get; set; }
    public Quantity? Length { get; set; }
    public List<CodeableConcept> ReasonCode { get; set; } = [];
    public List<Reference> ReasonReference { get; set; } = [];
    public List<DiagnosisComponent> Diagnosis { get; set; } = [];
    public List<Reference> Account { get; set; } = [];
    public List<LocationComponent> Location { get; set; } = [];
    public Reference? ServiceProvider { get; set; }
    public Reference? PartOf { get; set; }

    public class StatusHistoryComponent : BackboneElement
    {
        public string? Status { get; set; }
        public Period? Period { get; set; }
    }

    public class ParticipantComponent : BackboneElement
    {
        public List<CodeableConcept> Type { get; set; } = [];
        public Period? Period { get; set; }
        public Reference? Individual { get; set; }
    }

    public class DiagnosisComponent : BackboneElement
    {
        public Reference? Condition { get; set; }
        public CodeableConcept? Use { get; set; }
        public int? Rank { get; set; }
    }

    public class LocationComponent : BackboneElement
    {
        public Reference? Location { get; set; }
        /// <summary>planned | active | reserved | completed</summary>
        public string? Status { get; set; }
        public CodeableConcept? PhysicalType { get; set; }
        public Period? Period { get; set; }
    }
}
