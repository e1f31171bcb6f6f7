namespace Platform.Fhir.Resources;

public class Invoice : DomainResource
{
    protected override string TypeName => "Invoice";

    public List<Identifier> Identifier { get; set; } = [];
    /// <summary>draft | issued | balanced | cancelled | entered-in-error</summary>
    public string? Status { get; set; }
    public string? CancelledReason { get; set; }
    public CodeableConcept? Type { get; set; }
    public Reference? Subject { get; set; }
    public Reference? Recipient { get; set; }
    public FhirDateTime? Date { get; set; }
    public List<ParticipantComponent> Participant { get; set; } = [];
    public Reference? Issuer { get; set; }
    public Reference? Account { get; set; }
    public List<LineItemComponent> LineItem { get; set; } = [];
    public List<PriceComponent> TotalPriceComponent { get; set; } = [];
    public Money? TotalNet { get; set; }
    public Money? TotalGross { get; set; }
    public string? PaymentTerms { get; set; }
    public List<Annotation> Note { get; set; } = [];

    public class ParticipantComponent : BackboneElement
    {
        public CodeableConcept? Role { get; set; }
        public Reference? Actor { get; set; }
    }

    public class LineItemComponent : BackboneElement
    {
        public int? Sequence { get; set; }
        public Reference? ChargeItemReference { get; set; }
        public CodeableConcept? ChargeItemCodeableConcept { get; set; }
        public List<PriceComponent> PriceComponent { get; set; } = [];
    }

    public class PriceComponent : BackboneElement
    {
        /// <summary>base | surcharge | deduction | discount | tax | informational</summary>
        public string? Type { get; set; }
        public CodeableConcept? Code { get; set; }
        public decimal? Factor { get; set; }
        public Money? Amount { get; set; }
    }
}
