namespace Platform.Fhir.Resources;

public class DiagnosticReport : DomainResource
{
    protected override string TypeName => "DiagnosticReport";

    public List<Identifier> Identifier { get; set; } = [];
    public List<Reference> BasedOn { get; set; } = [];
    /// <summary>registered | partial | preliminary | final | amended | corrected | appended | cancelled | entered-in-error | unknown</summary>
    public string? Status { get; set; }
    public List<CodeableConcept> Category { get; set; } = [];
    public CodeableConcept? Code { get; set; }
    public Reference? Subject { get; set; }
    public Reference? Encounter { get; set; }
    public FhirDateTime? EffectiveDateTime { get; set; }
    public Period? EffectivePeriod { get; set; }
    public FhirDateTime? Issued { get; set; }
    public List<Reference> Performer { get; set; } = [];
    public List<Reference> ResultsInterpreter { get; set; } = [];
    public List<Reference> Specimen { get; set; } = [];
    public List<Reference> Result { get; set; } = [];
    public List<Reference> ImagingStudy { get; set; } = [];
    public List<MediaComponent> Media { get; set; } = [];
    public string? Conclusion { get; set; }
    public List<CodeableConcept> ConclusionCode { get; set; } = [];
    public List<Attachment> PresentedForm { get; set; } = [];

    public class MediaComponent : BackboneElement
    {
        public string? Comment { get; set; }
        public Reference? Link { get; set; }
    }
}
