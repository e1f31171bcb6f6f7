using Hospital.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.API.Application.Education;

public sealed record RecommendedArticleDto(ArticleSummaryDto Article, string Reason);

/// <summary>Articles for the departments an account's patients booked (most recent first, matched by the department's
/// HIS code or the article's specialty), topped up with the most read articles. Diagnoses are not published to this
/// service by any event yet; when they are, they join here as a disease match.</summary>
public sealed class ArticleRecommendations(HospitalDbContext db)
{
    public async Task<List<RecommendedArticleDto>> ForAccountAsync(Guid accountId, int take, CancellationToken ct)
    {
        var patientIds = db.PatientAccountLinks.Where(l => l.AccountId == accountId).Select(l => l.PatientId);
        var visited = await db.PatientDepartmentVisits.AsNoTracking().Where(v => patientIds.Contains(v.PatientId))
            .GroupBy(v => v.DepartmentName).Select(g => new { Name = g.Key, Last = g.Max(v => v.LastBookedAt) })
            .OrderByDescending(v => v.Last).Take(5).ToListAsync(ct);
        var names = visited.Select(v => v.Name).ToList();
        var codes = await db.Departments.AsNoTracking().Where(d => names.Contains(d.Name))
            .Select(d => new { d.Name, d.Code }).ToListAsync(ct);
        // The summaries only: a list never needs the articles' bodies.
        var articles = await db.EducationArticles.AsNoTracking().Where(a => a.IsActive)
            .Select(a => new { Summary = new ArticleSummaryDto(a.Id, a.Slug, a.Title, a.Specialty, a.Diseases, a.Summary,
                a.PublishedAt, a.ReviewedAt, a.ReadCount), a.DepartmentCodes })
            .ToListAsync(ct);

        var result = new List<RecommendedArticleDto>();
        void Add(ArticleSummaryDto article, string reason)
        {
            if (result.All(r => r.Article.Id != article.Id)) result.Add(new(article, reason));
        }
        foreach (var name in names)
        {
            var deptCodes = codes.Where(c => c.Name == name).Select(c => c.Code).ToHashSet();
            foreach (var a in articles.Where(a => a.Summary.Specialty == name || a.DepartmentCodes.Any(deptCodes.Contains))
                         .OrderByDescending(a => a.Summary.ReadCount))
                Add(a.Summary, $"您曾预约{name}");
        }
        foreach (var a in articles.Select(a => a.Summary).OrderByDescending(a => a.ReadCount).ThenByDescending(a => a.ReviewedAt))
        {
            if (result.Count >= take) break;
            Add(a, "大家都在读");
        }
        return result.Take(take).ToList();
    }
}
