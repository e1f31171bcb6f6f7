using Hospital.API.Domain.Education;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;

namespace Hospital.API.Infrastructure.Seed.Education;

/// <summary>Publishes the demo articles that are missing; never touches an article staff have edited.</summary>
internal sealed class EducationSeeder(TimeProvider clock) : ISeeder<HospitalDbContext>
{
    public static IEnumerable<DemoArticle> All =>
        DemoArticlesInternal.All.Concat(DemoArticlesNeuroKidney.All).Concat(DemoArticlesFamily.All).Concat(DemoArticlesSurgicalSenses.All);

    public async Task SeedAsync(HospitalDbContext db, CancellationToken ct)
    {
        var existing = await db.EducationArticles.Select(a => a.Slug).ToHashSetAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var a in All.Where(a => !existing.Contains(a.Slug)))
        {
            var reviewed = now.AddDays(-a.ReviewedDaysAgo);
            db.EducationArticles.Add(new EducationArticle
            {
                Slug = a.Slug, Title = a.Title, Specialty = a.Specialty, DepartmentCodes = [.. a.DepartmentCodes],
                Diseases = [.. a.Diseases], Summary = a.Summary, Body = a.Body, PublishedAt = reviewed.AddDays(-30), ReviewedAt = reviewed,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
