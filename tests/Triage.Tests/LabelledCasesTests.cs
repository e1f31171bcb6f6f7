using System.Text.Json;
using Triage.API.Application;

namespace Triage.Tests;

/// <summary>The labelled complaints (Cases/triage-cases.json: what a triage nurse would answer, written apart from the
/// knowledge base) through the API: the quality floors of issue 13. `./platform bench triage` prints the same figures.</summary>
public sealed class LabelledCasesTests(TriageFixture fixture) : IClassFixture<TriageFixture>
{
    public sealed record LabelledCase(int Id, string Group, int? Age, string? Sex, string? BodyPart, string Complaint, List<string> Expected,
        bool Emergency);

    public static List<LabelledCase> Load() =>
        JsonSerializer.Deserialize<List<LabelledCase>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "triage-cases.json")),
            JsonSerializerOptions.Web)!;

    [Fact]
    public void The_set_is_large_and_covers_every_group()
    {
        var cases = Load();
        Assert.True(cases.Count >= 150, $"only {cases.Count} labelled cases");
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
        foreach (var group in new[] { "adult", "child", "pregnancy", "emergency" })
            Assert.True(cases.Count(c => c.Group == group) >= 10, $"too few {group} cases");
    }

    [Fact]
    public async Task Accuracy_and_emergency_floors_hold()
    {
        var cases = Load();
        int top3 = 0, emergencies = 0, flagged = 0, calm = 0, falseFlags = 0;
        var misses = new List<string>();
        foreach (var c in cases)
        {
            var answer = await fixture.AssessAsync(new AssessmentRequest(c.Age, c.Sex, c.BodyPart, c.Complaint, null));
            var hit = answer.Departments.Take(3).Any(d => c.Expected.Contains(d.Name));
            if (hit) top3++;
            if (c.Emergency) { emergencies++; if (answer.Emergency) flagged++; }
            else { calm++; if (answer.Emergency) falseFlags++; }
            if (!hit || answer.Emergency != c.Emergency)
                misses.Add($"#{c.Id} 「{c.Complaint}」 → {string.Join(",", answer.Departments.Take(3).Select(d => d.Name))}{(answer.Emergency ? " 急" : "")}");
        }

        var report = string.Join("\n", misses);
        Assert.True(top3 >= 0.9 * cases.Count, $"top-3 {top3}/{cases.Count}\n{report}");
        Assert.True(flagged == emergencies, $"emergencies flagged {flagged}/{emergencies}\n{report}");
        Assert.True(falseFlags <= 0.05 * calm, $"false flags {falseFlags}/{calm}\n{report}");
    }
}
