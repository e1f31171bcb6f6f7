namespace Platform.Fhir.Resources;

public class Medication : DomainResource
{
    protected override string TypeName => "Medication";

    public List<Identifier> Identifier { get; set; } = [];
    public CodeableConcept? Code { get; set; }
    /// <summary>active | inactive | entered-in-error</summary>
    public string? Status { get; set; }
    public Reference? Manufacturer { get; set; }
    public CodeableConcept? Form { get; set; }
    public Ratio? Amount { get; set; }
    public List<IngredientComponent> Ingredient { get; set; } = [];
    public BatchComponent? Batch { get; set; }

    public class IngredientComponent : BackboneElement
    {
        public CodeableConcept? ItemCodeableConcept { get; set; }
        public Reference? ItemReference { get; set; }
        public bool? IsActive { get; set; }
        public Ratio? Strength { get; set; }
    }

    public class BatchComponent : BackboneElement
    {
        public string? LotNumber { get; set; }
        public FhirDateTime? ExpirationDate { get; set; }
    }
}
