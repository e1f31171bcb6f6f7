namespace Triage.API.Domain;

/// <summary>An age/sex rule: e.g. children's internal-medicine complaints go to 儿科, pregnancy to 产科, men never to 妇科.</summary>
public sealed class PopulationRule : KnowledgeEntry
{
    public string Code { get; set; } = "";
    /// <summary>Rules apply in ascending order (a later rule sees what an earlier one moved).</summary>
    public int Priority { get; set; }
    public string Name { get; set; } = "";
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public string? Sex { get; set; }
    public string? RequiresSymptom { get; set; }
    public List<string> RedirectFrom { get; set; } = [];
    public string? RedirectTo { get; set; }
    public List<string> Exclude { get; set; } = [];
    public override string Key => Code;
}
