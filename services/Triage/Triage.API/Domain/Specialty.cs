namespace Triage.API.Domain;

/// <summary>A specialty the knowledge base speaks of, and which hospital departments see it, in order, where the
/// hospital has no department of that name (风湿免疫科 → 内科).</summary>
public sealed class Specialty : KnowledgeEntry
{
    public string Name { get; set; } = "";
    public List<string> Fallbacks { get; set; } = [];
    public override string Key => Name;
}
