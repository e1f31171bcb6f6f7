namespace Platform.Fhir.Resources;

/// <summary>A patient account; outpatient deposits (预交金) are carried as extensions on it by the HIS.</summary>
public class Account : DomainResource
{
    protected override string TypeName => "Account";

    public List<Identifier> Identifier { get; set; } = [];
    /// <summary>active | inactive | entered-in-error | on-hold | unknown</summary>
    public string? Status { get; set; }
    public CodeableConcept? Type { get; set; }
    public string? Name { get; set; }
    public List<Reference> Subject { get; set; } = [];
    public Period? ServicePeriod { get; set; }
    public List<CoverageComponent> Coverage { get; set; } = [];
    public Reference? Owner { get; set; }
    public string? Description { get; set; }
    public List<GuarantorComponent> Guarantor { get; set; } = [];
    public Reference? PartOf { get; set; }

    public class CoverageComponent : BackboneElement
    {
        public Reference? Coverage { get; set; }
        public int? Priority { get; set; }
    }

    public class GuarantorComponent : BackboneElement
    {
        public Reference? Party { get; set; }
        public bool? OnHold { get; set; }
        public Period? Period { get; set; }
    }
}
