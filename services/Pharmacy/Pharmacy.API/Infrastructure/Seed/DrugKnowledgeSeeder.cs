using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pharmacy.API.Domain;
using Pharmacy.API.Extensions;
using Platform.Persistence;

namespace Pharmacy.API.Infrastructure.Seed;

/// <summary>Adds the curated knowledge base's drugs, interaction pairs and allergy classes that are missing; a drug
/// pharmacists already maintain is never overwritten by the file.</summary>
internal sealed class DrugKnowledgeSeeder(IOptions<PharmacyOptions> options, TimeProvider clock) : ISeeder<PharmacyDbContext>
{
    private sealed record LeafletFile(string Indications, string Dosage, string Contraindications, string AdverseReactions, string Storage, string HowToTake);
    private sealed record DrugFile(string Code, string Name, string DrugClass, string TherapeuticGroup, string? AllergyClass, string Pregnancy,
        int MinAgeYears, decimal? MaxDailyDoseMg, bool ColdChain, string? Controlled, LeafletFile Leaflet);
    private sealed record InteractionFile(string DrugA, string DrugB, string Severity, string Description, string Advice);
    private sealed record AllergyFile(string Code, string Name, List<string> Terms, List<string> CrossReactive);
    private sealed record KnowledgeFile(string Source, DateOnly ReviewedAt, string ReviewedBy, List<AllergyFile> AllergyClasses,
        List<DrugFile> Drugs, List<InteractionFile> Interactions);

    public async Task SeedAsync(PharmacyDbContext db, CancellationToken ct)
    {
        await using var stream = File.OpenRead(options.Value.KnowledgeBaseFile);
        var file = await JsonSerializer.DeserializeAsync<KnowledgeFile>(stream, JsonSerializerOptions.Web, ct)
                   ?? throw new InvalidOperationException("drug knowledge base file is empty");
        var now = clock.GetUtcNow();
        var drugs = await db.Drugs.Select(d => d.Code).ToListAsync(ct);
        db.Drugs.AddRange(file.Drugs.Where(d => !drugs.Contains(d.Code)).Select(d => new Drug
        {
            Code = d.Code, Name = d.Name, DrugClass = d.DrugClass, TherapeuticGroup = d.TherapeuticGroup, AllergyClass = d.AllergyClass,
            Pregnancy = d.Pregnancy, MinAgeYears = d.MinAgeYears, MaxDailyDoseMg = d.MaxDailyDoseMg, ColdChain = d.ColdChain, Controlled = d.Controlled,
            Indications = d.Leaflet.Indications, Dosage = d.Leaflet.Dosage, Contraindications = d.Leaflet.Contraindications,
            AdverseReactions = d.Leaflet.AdverseReactions, Storage = d.Leaflet.Storage, HowToTake = d.Leaflet.HowToTake,
            Source = file.Source, ReviewedOn = file.ReviewedAt, ReviewedBy = file.ReviewedBy, UpdatedAt = now,
        }));
        var pairs = (await db.Interactions.Select(i => new { i.DrugA, i.DrugB }).ToListAsync(ct)).Select(p => (p.DrugA, p.DrugB)).ToHashSet();
        db.Interactions.AddRange(file.Interactions.Where(i => !pairs.Contains((i.DrugA, i.DrugB))).Select(i => new DrugInteraction
        {
            DrugA = i.DrugA, DrugB = i.DrugB, Severity = i.Severity, Description = i.Description, Advice = i.Advice,
        }));
        var classes = await db.AllergyClasses.Select(a => a.Code).ToListAsync(ct);
        db.AllergyClasses.AddRange(file.AllergyClasses.Where(a => !classes.Contains(a.Code)).Select(a => new AllergyClass
        {
            Code = a.Code, Name = a.Name, Terms = a.Terms, CrossReactive = a.CrossReactive,
        }));
        await db.SaveChangesAsync(ct);
    }
}
