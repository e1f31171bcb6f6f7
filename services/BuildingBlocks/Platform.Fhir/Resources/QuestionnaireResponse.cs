namespace Platform.Fhir.Resources;

public class QuestionnaireResponse : DomainResource
{
    protected override string TypeName => "QuestionnaireResponse";

    public Identifier? Identifier { get; set; }
    public List<Reference> BasedOn { get; set; } = [];
    public List<Reference> PartOf { get; set; } = [];
    /// <summary>Canonical URL of the Questionnaire answered.</summary>
    public string? Questionnaire { get; set; }
    /// <summary>in-progress | completed | amended | entered-in-error | stopped</summary>
    public string? Status { get; set; }
    public Reference? Subject { get; set; }
    public Reference? Encounter { get; set; }
    public FhirDateTime? Authored { get; set; }
    public Reference? Author { get; set; }
    public Reference? Source { get; set; }
    public List<ItemComponent> Item { get; set; } = [];

    public class ItemComponent : BackboneElement
    {
        public string? LinkId { get; set; }
        public string? Definition { get; set; }
        public string? Text { get; set; }
        public List<AnswerComponent> Answer { get; set; } = [];
        public List<ItemComponent> Item { get; set; } = [];
    }

    public class AnswerComponent : BackboneElement
    {
        public bool? ValueBoolean { get; set; }
        public decimal? ValueDecimal { get; set; }
        public int? ValueInteger { get; set; }
        public FhirDateTime? ValueDate { get; set; }
        public FhirDateTime? ValueDateTime { get; set; }
        public string? ValueTime { get; set; }
        public string? ValueString { get; set; }
        public string? ValueUri { get; set; }
        public Attachment? ValueAttachment { get; set; }
        public Coding? ValueCoding { get; set; }
        public Quantity? ValueQuantity { get; set; }
        public Reference? ValueReference { get; set; }
        public List<ItemComponent> Item { get; set; } = [];
    }
}
