namespace Platform.Fhir.Resources;

public class Questionnaire : DomainResource
{
    protected override string TypeName => "Questionnaire";

    public string? Url { get; set; }
    public List<Identifier> Identifier { get; set; } = [];
    public string? Version { get; set; }
    public string? Name { get; set; }
    public string? Title { get; set; }
    public List<string> DerivedFrom { get; set; } = [];
    /// <summary>draft | active | retired | unknown</summary>
    public string? Status { get; set; }
    public bool? Experimental { get; set; }
    public List<string> SubjectType { get; set; } = [];
    public FhirDateTime? Date { get; set; }
    public string? Publisher { get; set; }
    public List<ContactDetail> Contact { get; set; } = [];
    public string? Description { get; set; }
    public string? Purpose { get; set; }
    public FhirDateTime? ApprovalDate { get; set; }
    public FhirDateTime? LastReviewDate { get; set; }
    public Period? EffectivePeriod { get; set; }
    public List<Coding> Code { get; set; } = [];
    public List<ItemComponent> Item { get; set; } = [];

    public class ItemComponent : BackboneElement
    {
        public string? LinkId { get; set; }
        public string? Definition { get; set; }
        public List<Coding> Code { get; set; } = [];
        public string? Prefix { get; set; }
        public string? Text { get; set; }
        /// <summary>group | display | boolean | decimal | integer | date | dateTime | time | string | text | url | choice | open-choice | attachment | reference | quantity</summary>
        public string? Type { get; set; }
        public List<EnableWhenComponent> EnableWhen { get; set; } = [];
        /// <summary>all | any</summary>
        public string? EnableBehavior { get; set; }
        public bool? Required { get; set; }
        public bool? Repeats { get; set; }
        public bool? ReadOnly { get; set; }
        public int? MaxLength { get; set; }
        public string? AnswerValueSet { get; set; }
        public List<AnswerOptionComponent> AnswerOption { get; set; } = [];
        public List<InitialComponent> Initial { get; set; } = [];
        public List<ItemComponent> Item { get; set; } = [];
    }

    public class EnableWhenComponent : BackboneElement
    {
        public string? Question { get; set; }
        /// <summary>exists | = | != | &gt; | &lt; | &gt;= | &lt;=</summary>
        public string? Operator { get; set; }
        public bool? AnswerBoolean { get; set; }
        public decimal? AnswerDecimal { get; set; }
        public int? AnswerInteger { get; set; }
        public FhirDateTime? AnswerDate { get; set; }
        public FhirDateTime? AnswerDateTime { get; set; }
        public string? AnswerTime { get; set; }
        public string? AnswerString { get; set; }
        public Coding? AnswerCoding { get; set; }
        public Quantity? AnswerQuantity { get; set; }
        public Reference? AnswerReference { get; set; }
    }

    public class AnswerOptionComponent : BackboneElement
    {
        public int? ValueInteger { get; set; }
        public FhirDateTime? ValueDate { get; set; }
        public string? ValueTime { get; set; }
        public string? ValueString { get; set; }
        public Coding? ValueCoding { get; set; }
        public Reference? ValueReference { get; set; }
        public bool? InitialSelected { get; set; }
    }

    public class InitialComponent : BackboneElement
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
    }
}
