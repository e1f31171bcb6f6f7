using Hospital.API.Application.Education;
using Hospital.API.Application.Publishing;
using Platform.Persistence;

namespace Hospital.API.Infrastructure.Seed.Education;

/// <summary>Publishes the demo articles (as the system) that were never published; never touches what staff edited.
/// Review dates are spread back in time so the stale flag has something to show.</summary>
internal sealed class EducationSeeder(ContentWorkflow workflow, TimeProvider clock) : ISeeder<HospitalDbContext>
{
    public static IEnumerable<DemoArticle> All =>
        DemoArticlesInternal.All.Concat(DemoArticlesNeuroKidney.All).Concat(DemoArticlesFamily.All).Concat(DemoArticlesSurgicalSenses.All);

    public async Task SeedAsync(HospitalDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var a in All)
        {
            var document = new HealthArticleDocument
            {
                Title = a.Title, Specialty = a.Specialty, DepartmentCodes = [.. a.DepartmentCodes], Diseases = [.. a.Diseases],
                Summary = a.Summary, Body = a.Body,
            };
            if (!await workflow.SeedPublishedAsync(EducationContent.Slug, a.Slug, document, ct)) continue;
            var article = db.EducationArticles.Local.Single(x => x.Slug == a.Slug);
            article.ReviewedAt = now.AddDays(-a.ReviewedDaysAgo);
            article.PublishedAt = article.ReviewedAt.AddDays(-30);
        }
        await db.SaveChangesAsync(ct);
    }
}
