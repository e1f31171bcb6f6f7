namespace Pharmacy.API.Domain;

/// <summary>A prescribed drug as the HIS has it (MedicationRequest + MedicationDispense), per platform patient.</summary>
public sealed class Prescription
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public required string HisId { get; set; }
    /// <summary>outpatient, discharge or inpatient.</summary>
    public required string Category { get; set; }
    public string? EncounterHisId { get; set; }
    public required string DrugCode { get; set; }
    public required string DrugName { get; set; }
    public decimal? DoseValue { get; set; }
    public string DoseUnit { get; set; } = "";
    public int? TimesPerDay { get; set; }
    public bool AsNeeded { get; set; }
    public string Route { get; set; } = "";
    public string DosageText { get; set; } = "";
    public int? DurationDays { get; set; }
    public string? Quantity { get; set; }
    public string Prescriber { get; set; } = "";
    public DateTimeOffset? AuthoredOn { get; set; }
    public required string Status { get; set; }
    public string? DispenseStatus { get; set; }
    public DateTimeOffset? DispensedAt { get; set; }
    public DateTimeOffset SyncedAt { get; set; }

    /// <summary>Daily dose in mg, when the unit allows it.</summary>
    public decimal? DailyDoseMg => DoseValue is { } v && TimesPerDay is { } n
        ? DoseUnit switch { "mg" => v * n, "g" => v * 1000 * n, "μg" or "ug" => v / 1000 * n, _ => null }
        : null;

    public bool IsCurrent => Status is "active" or "on-hold";

    public static string CategoryText(string category) => category switch
    {
        "discharge" => "出院带药", "inpatient" => "住院医嘱", "community" => "社区处方", "online" => "互联网处方", _ => "门诊处方",
    };

    public string DispenseText => DispenseStatus switch
    {
        "completed" => "已发药", "in-progress" or "preparation" => "配药中", "cancelled" or "declined" => "未发药", _ => Status == "active" ? "待取药" : "已结束",
    };
}

/// <summary>What the safety check knows of the patient from the HIS (latest snapshot).</summary>
public sealed class PatientMedicationContext
{
    public Guid PatientId { get; set; }
    public int? AgeYears { get; set; }
    public string Sex { get; set; } = "";
    public bool Pregnant { get; set; }
    public decimal? WeightKg { get; set; }
    public List<string> Allergies { get; set; } = [];
    public List<string> Conditions { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}
