namespace Triage.API.Domain;

/// <summary>One editable item of the triage knowledge base; staff maintain every kind through the same admin API.</summary>
public abstract class KnowledgeEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>What makes the entry unique within its kind (a name or a code).</summary>
    public abstract string Key { get; }
}

/// <summary>How strongly a finding points at a specialty (a knowledge-base name, mapped to a hospital department later).</summary>
public sealed class SpecialtyWeight
{
    public string Specialty { get; set; } = "";
    public double Weight { get; set; }
}

/// <summary>Any one of these symptom names satisfies the group.</summary>
public sealed class SymptomGroup
{
    public List<string> AnyOf { get; set; } = [];
}
