using System.Text.Json;
using Triage.API.Domain;

namespace Triage.API.Infrastructure.Seed;

/// <summary>KnowledgeBase/triage-knowledge.json: the curated starting base, written compactly for people to review
/// (weights as "specialty": weight, red-flag groups as arrays).</summary>
internal sealed class KnowledgeBaseFile
{
    public List<BodyPartEntry> BodyParts { get; set; } = [];
    public List<SpecialtyEntry> Specialties { get; set; } = [];
    public List<SymptomEntry> Symptoms { get; set; } = [];
    public List<QuestionEntry> Questions { get; set; } = [];
    public List<RedFlagEntry> RedFlags { get; set; } = [];
    public List<PopulationRuleEntry> PopulationRules { get; set; } = [];

    public sealed record BodyPartEntry(string Name, List<string>? Aliases, Dictionary<string, double>? To);
    public sealed record SpecialtyEntry(string Name, List<string> Fallbacks);
    public sealed record SymptomEntry(string Name, List<string>? Terms, List<string>? Parts, Dictionary<string, double>? To);
    public sealed record QuestionEntry(string Code, string Text, List<string>? Symptoms, List<string>? Parts, string? Sex, int? MinAge,
        int? MaxAge, List<string> YesAdds);
    public sealed record RedFlagEntry(string Code, string Name, List<List<string>> All, List<string>? None, int? MinAge, int? MaxAge, string? Sex);
    public sealed record PopulationRuleEntry(string Code, string Name, int? MinAge, int? MaxAge, string? Sex, string? RequiresSymptom,
        List<string>? RedirectFrom, string? RedirectTo, List<string>? Exclude);

    public static KnowledgeBaseFile Load(string path) =>
        JsonSerializer.Deserialize<KnowledgeBaseFile>(File.ReadAllText(path), JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"知识库文件 {path} 为空");

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "KnowledgeBase", "triage-knowledge.json");

    public static List<SpecialtyWeight> Weights(Dictionary<string, double>? to) =>
        (to ?? []).Select(w => new SpecialtyWeight { Specialty = w.Key, Weight = w.Value }).ToList();
}
