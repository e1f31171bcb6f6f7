namespace Triage.API.Domain;

/// <summary>A symptom (or finding such as 怀孕) with the words patients use for it and where it points.</summary>
public sealed class Symptom : KnowledgeEntry
{
    public string Name { get; set; } = "";
    public List<string> Terms { get; set; } = [];
    public List<string> BodyParts { get; set; } = [];
    public List<SpecialtyWeight> Weights { get; set; } = [];
    public override string Key => Name;
}
