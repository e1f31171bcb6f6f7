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
        var articles = await db.EducationArticles.AsNoTracking().Where(a => a.IsActive).ToListAsync(ct);

        var result = new List<RecommendedArticleDto>();
        foreach (var name in names)
        {
            var deptCodes = codes.Where(c => c.Name == name).Select(c => c.Code).ToHashSet();
            foreach (var a in articles.Where(a => a.Specialty == name || a.DepartmentCodes.Any(deptCodes.Contains)).OrderByDescending(a => a.ReadCount))
                if (result.All(r => r.Article.Id != a.Id)) result.Add(new(ArticleSummaryDto.From(a), $"您曾预约{name}"));
        }
        foreach (var a in articles.OrderByDescending(a => a.ReadCount).ThenByDescending(a => a.ReviewedAt))
        {
            if (result.Count >= take) break;
            if (result.All(r => r.Article.Id != a.Id)) result.Add(new(ArticleSummaryDto.From(a), "大家都在读"));
        }
        return result.Take(take).ToList();
    }
}
