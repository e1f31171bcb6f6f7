using Microsoft.EntityFrameworkCore;
using Platform.Persistence;
using Triage.API.Domain;

namespace Triage.API.Infrastructure.Seed;

/// <summary>Fills each empty part of the knowledge base from the curated file; once staff maintain a part, the file
/// no longer touches it.</summary>
internal sealed class KnowledgeBaseSeeder(TimeProvider clock) : ISeeder<TriageDbContext>
{
    public async Task SeedAsync(TriageDbContext db, CancellationToken ct)
    {
        var file = KnowledgeBaseFile.Load(KnowledgeBaseFile.DefaultPath);
        var now = clock.GetUtcNow();
        if (!await db.BodyParts.AnyAsync(ct))
            db.BodyParts.AddRange(file.BodyParts.Select((b, i) => new BodyPart
            {
                Name = b.Name, Aliases = b.Aliases ?? [], SortOrder = i + 1, Weights = KnowledgeBaseFile.Weights(b.To), UpdatedAt = now,
            }));
        if (!await db.Specialties.AnyAsync(ct))
            db.Specialties.AddRange(file.Specialties.Select(s => new Specialty { Name = s.Name, Fallbacks = s.Fallbacks, UpdatedAt = now }));
        if (!await db.Symptoms.AnyAsync(ct))
            db.Symptoms.AddRange(file.Symptoms.Select(s => new Symptom
            {
                Name = s.Name, Terms = s.Terms ?? [], BodyParts = s.Parts ?? [], Weights = KnowledgeBaseFile.Weights(s.To), UpdatedAt = now,
            }));
        if (!await db.Questions.AnyAsync(ct))
            db.Questions.AddRange(file.Questions.Select(q => new FollowUpQuestion
            {
                Code = q.Code, Text = q.Text, ForSymptoms = q.Symptoms ?? [], ForBodyParts = q.Parts ?? [], Sex = q.Sex,
                MinAge = q.MinAge, MaxAge = q.MaxAge, YesAdds = q.YesAdds, UpdatedAt = now,
            }));
        if (!await db.RedFlags.AnyAsync(ct))
            db.RedFlags.AddRange(file.RedFlags.Select(r => new RedFlagRule
            {
                Code = r.Code, Name = r.Name, AllOf = r.All.Select(g => new SymptomGroup { AnyOf = g }).ToList(), NoneOf = r.None ?? [],
                MinAge = r.MinAge, MaxAge = r.MaxAge, Sex = r.Sex, UpdatedAt = now,
            }));
        if (!await db.PopulationRules.AnyAsync(ct))
            db.PopulationRules.AddRange(file.PopulationRules.Select((p, i) => new PopulationRule
            {
                Code = p.Code, Priority = i + 1, Name = p.Name, MinAge = p.MinAge, MaxAge = p.MaxAge, Sex = p.Sex, RequiresSymptom = p.RequiresSymptom,
                RedirectFrom = p.RedirectFrom ?? [], RedirectTo = p.RedirectTo, Exclude = p.Exclude ?? [], UpdatedAt = now,
            }));
        await db.SaveChangesAsync(ct);
    }
}
