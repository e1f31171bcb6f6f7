namespace Platform.Fhir.Resources;

public class ImagingStudy : DomainResource
{
    protected override string TypeName => "ImagingStudy";

    public List<Identifier> Identifier { get; set; } = [];
    /// <summary>registered | available | cancelled | entered-in-error | unknown</summary>
    public string? Status { get; set; }
    public List<Coding> Modality { get; set; } = [];
    public Reference? Subject { get; set; }
    public Reference? Encounter { get; set; }
    public FhirDateTime? Started { get; set; }
    public List<Reference> BasedOn { get; set; } = [];
    public Reference? Referrer { get; set; }
    public List<Reference> Interpreter { get; set; } = [];
    public List<Reference> Endpoint { get; set; } = [];
    public int? NumberOfSeries { get; set; }
    public int? NumberOfInstances { get; set; }
    public List<CodeableConcept> ProcedureCode { get; set; } = [];
    public Reference? Location { get; set; }
    public List<CodeableConcept> ReasonCode { get; set; } = [];
    public List<Reference> ReasonReference { get; set; } = [];
    public List<Annotation> Note { get; set; } = [];
    public string? Description { get; set; }
    public List<SeriesComponent> Series { get; set; } = [];

    public class SeriesComponent : BackboneElement
    {
        public string? Uid { get; set; }
        public int? Number { get; set; }
        public Coding? Modality { get; set; }
        public string? Description { get; set; }
        public int? NumberOfInstances { get; set; }
        public List<Reference> Endpoint { get; set; } = [];
        public Coding? BodySite { get; set; }
        public Coding? Laterality { get; set; }
        public List<Reference> Specimen { get; set; } = [];
        public FhirDateTime? Started { get; set; }
        public List<PerformerComponent> Performer { get; set; } = [];
        public List<InstanceComponent> Instance { get; set; } = [];
    }

    public class PerformerComponent : BackboneElement
    {
        public CodeableConcept? Function { get; set; }
        public Reference? Actor { get; set; }
    }

    public class InstanceComponent : BackboneElement
    {
        public string? Uid { get; set; }
        public Coding? SopClass { get; set; }
        public int? Number { get; set; }
        public string? Title { get; set; }
    }
}
