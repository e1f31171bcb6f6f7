using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;
using Reports.API.Domain;
using Reports.API.Infrastructure;

namespace Reports.API.Application;

/// <summary>Loads the curated lab knowledge base (Knowledge/lab-knowledge.json, reviewed entries with source and review
/// date) into the database on every start: new entries are added, re-reviewed ones replace the old text.</summary>
public sealed class KnowledgeSeeder : ISeeder<ReportsDbContext>
{
    private sealed record Entry(string Loinc, string Name, string Measures, string? High, string? Low, string AskDoctor, string SeekCare,
        string Source, DateOnly ReviewedOn, string Reviewer);

    public static IReadOnlyList<KnowledgeItem> Load()
    {
        using var stream = typeof(KnowledgeSeeder).Assembly.GetManifestResourceStream("lab-knowledge.json")
            ?? throw new InvalidOperationException("lab-knowledge.json is not embedded");
        var entries = JsonSerializer.Deserialize<List<Entry>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        return entries.Select(e => new KnowledgeItem
        {
            Loinc = e.Loinc, Name = e.Name, Measures = e.Measures, High = e.High, Low = e.Low, AskDoctor = e.AskDoctor,
            SeekCare = e.SeekCare, Source = e.Source, ReviewedOn = e.ReviewedOn, Reviewer = e.Reviewer,
        }).ToList();
    }

    public async Task SeedAsync(ReportsDbContext db, CancellationToken ct)
    {
        var existing = await db.Knowledge.ToDictionaryAsync(k => k.Loinc, ct);
        foreach (var item in Load())
        {
            if (!existing.TryGetValue(item.Loinc, out var old)) db.Knowledge.Add(item);
            else if (old.ReviewedOn < item.ReviewedOn)
            {
                old.Name = item.Name; old.Measures = item.Measures; old.High = item.High; old.Low = item.Low; old.AskDoctor = item.AskDoctor;
                old.SeekCare = item.SeekCare; old.Source = item.Source; old.ReviewedOn = item.ReviewedOn; old.Reviewer = item.Reviewer;
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
