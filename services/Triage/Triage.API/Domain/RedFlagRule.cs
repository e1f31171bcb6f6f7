namespace Triage.API.Domain;

/// <summary>A danger sign: when every group has one of its symptoms, none of <see cref="NoneOf"/> is present and age/sex fit,
/// the patient must go to 急诊 now.</summary>
public sealed class RedFlagRule : KnowledgeEntry
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public List<SymptomGroup> AllOf { get; set; } = [];
    /// <summary>Symptoms that mean the sign is old news, not an emergency (中风后遗症 is not a stroke now).</summary>
    public List<string> NoneOf { get; set; } = [];
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public string? Sex { get; set; }
    public override string Key => Code;
}
