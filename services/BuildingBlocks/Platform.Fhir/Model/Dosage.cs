namespace Platform.Fhir.Model;

public class Dosage : BackboneElement
{
    public int? Sequence { get; set; }
    public string? Text { get; set; }
    public List<CodeableConcept> AdditionalInstruction { get; set; } = [];
    public string? PatientInstruction { get; set; }
    public Timing? Timing { get; set; }
    public bool? AsNeededBoolean { get; set; }
    public CodeableConcept? AsNeededCodeableConcept { get; set; }
    public CodeableConcept? Site { get; set; }
    public CodeableConcept? Route { get; set; }
    public CodeableConcept? Method { get; set; }
    public List<DoseAndRateComponent> DoseAndRate { get; set; } = [];
    public Ratio? MaxDosePerPeriod { get; set; }
    public Quantity? MaxDosePerAdministration { get; set; }
    public Quantity? MaxDosePerLifetime { get; set; }

    public class DoseAndRateComponent : Element
    {
        public CodeableConcept? Type { get; set; }
        public Range? DoseRange { get; set; }
        public Quantity? DoseQuantity { get; set; }
        public Ratio? RateRatio { get; set; }
        public Range? RateRange { get; set; }
        public Quantity? RateQuantity { get; set; }
    }
}

public class Timing : BackboneElement
{
    public List<FhirDateTime> Event { get; set; } = [];
    public RepeatComponent? Repeat { get; set; }
    public CodeableConcept? Code { get; set; }

    public class RepeatComponent : Element
    {
        public Quantity? BoundsDuration { get; set; }
        public Range? BoundsRange { get; set; }
        public Period? BoundsPeriod { get; set; }
        public int? Count { get; set; }
        public int? CountMax { get; set; }
        public decimal? Duration { get; set; }
        public decimal? DurationMax { get; set; }
        public string? DurationUnit { get; set; }
        public int? Frequency { get; set; }
        public int? FrequencyMax { get; set; }
        public decimal? Period { get; set; }
        public decimal? PeriodMax { get; set; }
        public string? PeriodUnit { get; set; }
        public List<string> DayOfWeek { get; set; } = [];
        public List<string> TimeOfDay { get; set; } = [];
        public List<string> When { get; set; } = [];
        public int? Offset { get; set; }
    }
}
