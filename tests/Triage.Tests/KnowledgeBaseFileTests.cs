using System.Text.Json;

namespace Triage.Tests;

/// <summary>The curated starting base holds together: every name it refers to exists, and the body map is the issue's.</summary>
public sealed class KnowledgeBaseFileTests
{
    private static readonly JsonElement Base = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "KnowledgeBase", "triage-knowledge.json"))).RootElement;

    private static IEnumerable<JsonElement> Items(string kind) => Base.GetProperty(kind).EnumerateArray();

    private static IEnumerable<string> Strings(JsonElement item, string property) =>
        item.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Select(e => e.GetString()!) : [];

    private static HashSet<string> Names(string kind) => Items(kind).Select(i => i.GetProperty("name").GetString()!).ToHashSet();

    [Fact]
    public void The_body_map_is_the_issues_twenty_one_regions()
    {
        Assert.Equal(["头部", "眼部", "耳部", "鼻部", "口腔", "颈部", "胸部", "乳房", "腹部", "腰部", "背部", "肩部", "上肢", "髋部", "膝部",
            "下肢", "足部", "会阴部", "肛门", "皮肤", "全身"], Items("bodyParts").Select(b => b.GetProperty("name").GetString()));
    }

    [Fact]
    public void Every_reference_names_something_that_exists()
    {
        var symptoms = Names("symptoms");
        var specialties = Names("specialties");
        var parts = Names("bodyParts");
        var broken = new List<string>();
        foreach (var s in Items("symptoms").Concat(Items("bodyParts")))
            broken.AddRange(s.GetProperty("to").EnumerateObject().Select(w => w.Name).Where(n => !specialties.Contains(n)).Select(n => $"weight → {n}"));
        foreach (var s in Items("symptoms"))
            broken.AddRange(Strings(s, "parts").Where(p => !parts.Contains(p)).Select(p => $"{s.GetProperty("name")} part {p}"));
        foreach (var q in Items("questions"))
            broken.AddRange(Strings(q, "symptoms").Concat(Strings(q, "yesAdds")).Where(n => !symptoms.Contains(n)).Select(n => $"question {q.GetProperty("code")} → {n}"));
        foreach (var r in Items("redFlags"))
            broken.AddRange(r.GetProperty("all").EnumerateArray().SelectMany(g => g.EnumerateArray().Select(e => e.GetString()!))
                .Concat(Strings(r, "none")).Where(n => !symptoms.Contains(n)).Select(n => $"red flag {r.GetProperty("code")} → {n}"));
        foreach (var r in Items("populationRules"))
            broken.AddRange(Strings(r, "redirectFrom").Concat(Strings(r, "exclude")).Where(n => !specialties.Contains(n)).Select(n => $"rule {r.GetProperty("code")} → {n}"));
        Assert.Empty(broken);
    }

    [Fact]
    public void Every_body_part_has_symptoms_to_pick_and_every_emergency_named_in_the_issue_has_a_rule()
    {
        var parts = Names("bodyParts");
        var used = Items("symptoms").SelectMany(s => Strings(s, "parts")).ToHashSet();
        Assert.Subset(used, parts);
        var codes = Items("redFlags").Select(r => r.GetProperty("code").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "acute_coronary", "stroke_weakness", "stroke_face_speech", "pregnancy_bleeding", "febrile_convulsion" }, codes);
    }
}
