using Hospital.API.Application.Publishing;
using Hospital.API.Domain.Education;
using Hospital.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.API.Application.Education;

/// <summary>Keeps the searchable article table in step with what was published; read counts survive re-publishing.</summary>
public sealed class HealthArticlePublishedHandler(HospitalDbContext db, TimeProvider clock) : IContentPublishedHandler<HealthArticleDocument>
{
    public async Task OnPublishedAsync(string key, HealthArticleDocument d, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var article = await db.EducationArticles.FirstOrDefaultAsync(a => a.Slug == key, ct);
        if (article is null)
        {
            db.EducationArticles.Add(new EducationArticle
            {
                Slug = key, Title = d.Title.Trim(), Specialty = d.Specialty.Trim(), DepartmentCodes = [.. d.DepartmentCodes],
                Diseases = [.. d.Diseases], Summary = d.Summary.Trim(), Body = d.Body, PublishedAt = now, ReviewedAt = now,
            });
            return;
        }
        article.Republish(d.Title.Trim(), d.Specialty.Trim(), [.. d.DepartmentCodes], [.. d.Diseases], d.Summary.Trim(), d.Body, now);
    }
}
