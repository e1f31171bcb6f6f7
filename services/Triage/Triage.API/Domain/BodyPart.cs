namespace Triage.API.Domain;

/// <summary>A region of the body map; its weights are the prior when the complaint says little.</summary>
public sealed class BodyPart : KnowledgeEntry
{
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public int SortOrder { get; set; }
    public List<SpecialtyWeight> Weights { get; set; } = [];
    public override string Key => Name;
}
