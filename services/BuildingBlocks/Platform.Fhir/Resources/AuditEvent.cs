namespace Platform.Fhir.Resources;

public class AuditEvent : DomainResource
{
    protected override string TypeName => "AuditEvent";

    public Coding? Type { get; set; }
    public List<Coding> Subtype { get; set; } = [];
    /// <summary>C | R | U | D | E</summary>
    public string? Action { get; set; }
    public Period? Period { get; set; }
    public FhirDateTime? Recorded { get; set; }
    /// <summary>0 | 4 | 8 | 12</summary>
    public string? Outcome { get; set; }
    public string? OutcomeDesc { get; set; }
    public List<CodeableConcept> PurposeOfEvent { get; set; } = [];
    public List<AgentComponent> Agent { get; set; } = [];
    public SourceComponent? Source { get; set; }
    public List<EntityComponent> Entity { get; set; } = [];

    public class AgentComponent : BackboneElement
    {
        public CodeableConcept? Type { get; set; }
        public List<CodeableConcept> Role { get; set; } = [];
        public Reference? Who { get; set; }
        public string? AltId { get; set; }
        public string? Name { get; set; }
        public bool? Requestor { get; set; }
        public Reference? Location { get; set; }
        public List<string> Policy { get; set; } = [];
        public Coding? Media { get; set; }
        public NetworkComponent? Network { get; set; }
        public List<CodeableConcept> PurposeOfUse { get; set; } = [];
    }

    public class NetworkComponent : BackboneElement
    {
        public string? Address { get; set; }
        /// <summary>1 machine name | 2 IP address | 3 telephone | 4 email | 5 URI</summary>
        public string? Type { get; set; }
    }

    public class SourceComponent : BackboneElement
    {
        public string? Site { get; set; }
        public Reference? Observer { get; set; }
        public List<Coding> Type { get; set; } = [];
    }

    public class EntityComponent : BackboneElement
    {
        public Reference? What { get; set; }
        public Coding? Type { get; set; }
        public Coding? Role { get; set; }
        public Coding? Lifecycle { get; set; }
        public List<Coding> SecurityLabel { get; set; } = [];
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Query { get; set; }
        public List<DetailComponent> Detail { get; set; } = [];
    }

    public class DetailComponent : BackboneElement
    {
        public string? Type { get; set; }
        public string? ValueString { get; set; }
        public string? ValueBase64Binary { get; set; }
    }
}
