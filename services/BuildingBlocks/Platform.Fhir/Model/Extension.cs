namespace Platform.Fhir.Model;

/// <summary>An extension; value[x] types not listed here still round-trip through AdditionalElements.</summary>
public class Extension : Element
{
    public string? Url { get; set; }

    public string? ValueString { get; set; }
    public string? ValueCode { get; set; }
    public string? ValueMarkdown { get; set; }
    public string? ValueUri { get; set; }
    public string? ValueUrl { get; set; }
    public string? ValueCanonical { get; set; }
    public string? ValueId { get; set; }
    public bool? ValueBoolean { get; set; }
    public int? ValueInteger { get; set; }
    public int? ValuePositiveInt { get; set; }
    public int? ValueUnsignedInt { get; set; }
    public decimal? ValueDecimal { get; set; }
    public FhirDateTime? ValueDate { get; set; }
    public FhirDateTime? ValueDateTime { get; set; }
    public FhirDateTime? ValueInstant { get; set; }
    public string? ValueTime { get; set; }
    public string? ValueBase64Binary { get; set; }
    public Identifier? ValueIdentifier { get; set; }
    public Coding? ValueCoding { get; set; }
    public CodeableConcept? ValueCodeableConcept { get; set; }
    public Reference? ValueReference { get; set; }
    public Period? ValuePeriod { get; set; }
    public Quantity? ValueQuantity { get; set; }
    public Range? ValueRange { get; set; }
    public Ratio? ValueRatio { get; set; }
    public Money? ValueMoney { get; set; }
    public Address? ValueAddress { get; set; }
    public HumanName? ValueHumanName { get; set; }
    public ContactPoint? ValueContactPoint { get; set; }
    public Attachment? ValueAttachment { get; set; }
    public Annotation? ValueAnnotation { get; set; }
}
