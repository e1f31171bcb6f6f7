namespace Pharmacy.API.Domain;

/// <summary>One drug of the hospital's formulary in the curated knowledge base, keyed by the HIS drug code. Maintained
/// by pharmacists; every change records who reviewed it and when.</summary>
public sealed class Drug
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string DrugClass { get; set; }
    /// <summary>Drugs of one group taken together are duplicate therapy (two PPIs, two NSAIDs).</summary>
    public required string TherapeuticGroup { get; set; }
    public string? AllergyClass { get; set; }
    /// <summary>ok, caution or contraindicated.</summary>
    public required string Pregnancy { get; set; }
    public int MinAgeYears { get; set; }
    public decimal? MaxDailyDoseMg { get; set; }
    public bool ColdChain { get; set; }
    /// <summary>narcotic (麻醉药品) or psychotropic (精神药品): never delivered.</summary>
    public string? Controlled { get; set; }
    public required string Indications { get; set; }
    public required string Dosage { get; set; }
    public required string Contraindications { get; set; }
    public required string AdverseReactions { get; set; }
    public required string Storage { get; set; }
    public required string HowToTake { get; set; }
    public required string Source { get; set; }
    public DateOnly ReviewedOn { get; set; }
    public required string ReviewedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class DrugInteraction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string DrugA { get; set; }
    public required string DrugB { get; set; }
    /// <summary>high, moderate or low.</summary>
    public required string Severity { get; set; }
    public required string Description { get; set; }
    public required string Advice { get; set; }
}

/// <summary>An allergy class (青霉素类): the words in a recorded allergy that name it, and the classes that cross-react.</summary>
public sealed class AllergyClass
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<string> Terms { get; set; } = [];
    public List<string> CrossReactive { get; set; } = [];
}
