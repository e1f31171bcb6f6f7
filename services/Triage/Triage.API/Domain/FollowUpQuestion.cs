namespace Triage.API.Domain;

/// <summary>A yes/no question worth asking when one of its symptoms or body parts is present; "yes" adds symptoms.</summary>
public sealed class FollowUpQuestion : KnowledgeEntry
{
    public string Code { get; set; } = "";
    public string Text { get; set; } = "";
    public List<string> ForSymptoms { get; set; } = [];
    public List<string> ForBodyParts { get; set; } = [];
    public string? Sex { get; set; }
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public List<string> YesAdds { get; set; } = [];
    public override string Key => Code;
}
