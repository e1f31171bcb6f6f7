using System.Security.Claims;
using Hospital.API.Application.Education;
using Hospital.API.Domain.Education;
using Hospital.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Apis;

public static class EducationApi
{
    public const int MaxQueryLength = 40;

    public static IEndpointRouteBuilder MapEducationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hospital/education").WithTags("健康宣教");
        api.MapGet("/specialties", ListSpecialties).WithName("ListEducationSpecialties").WithSummary("按专科分类及文章数");
        api.MapGet("/articles", ListArticles).WithName("ListEducationArticles").WithSummary("文章列表：按专科、疾病筛选或中文全文搜索");
        api.MapGet("/articles/{slug}", GetArticle).WithName("GetEducationArticle").WithSummary("文章全文（发布与审核日期、阅读数）");
        api.MapPost("/articles/{slug}/reads", RecordRead).WithName("RecordEducationArticleRead").WithSummary("记一次阅读");
        api.MapGet("/recommendations", Recommend).WithName("RecommendEducationArticles")
            .WithSummary("为我推荐：按本账号就诊人预约过的科室，其余补充阅读最多的文章").RequireAuthorization();
        app.MapGet("/api/hospital/admin/education/articles", ListForStaff).WithTags("健康宣教")
            .WithName("ListEducationArticlesForStaff").WithSummary("工作人员：全部文章、阅读数与待复审标记")
            .RequireAuthorization(PlatformRoles.Staff);
        return app;
    }

    public static async Task<Ok<List<SpecialtyDto>>> ListSpecialties(HospitalDbContext db, CancellationToken ct)
    {
        var specialties = await db.EducationArticles.AsNoTracking().Where(a => a.IsActive)
            .GroupBy(a => a.Specialty).Select(g => new SpecialtyDto(g.Key, g.Count())).ToListAsync(ct);
        return TypedResults.Ok(specialties.OrderByDescending(s => s.ArticleCount).ThenBy(s => s.Name, StringComparer.Ordinal).ToList());
    }

    public static async Task<Ok<List<ArticleSummaryDto>>> ListArticles(
        string? q, string? specialty, string? disease, HospitalDbContext db, ArticleSearchIndex index, CancellationToken ct)
    {
        if (q?.Length > MaxQueryLength || specialty?.Length > 30 || disease?.Length > 30)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["q"] = [$"搜索内容不能超过 {MaxQueryLength} 个字"] });
        var published = db.EducationArticles.AsNoTracking().Where(a => a.IsActive);
        if (!string.IsNullOrWhiteSpace(specialty)) published = published.Where(a => a.Specialty == specialty);
        if (!string.IsNullOrWhiteSpace(disease)) published = published.Where(a => a.Diseases.Contains(disease));
        if (string.IsNullOrWhiteSpace(q))
        {
            var latest = await published.OrderByDescending(a => a.ReviewedAt).Take(100).ToListAsync(ct);
            return TypedResults.Ok(latest.Select(ArticleSummaryDto.From).ToList());
        }

        var hits = await SearchAsync(q.Trim(), db, index, ct);
        var candidates = await published.Where(a => hits.Select(h => h.Id).Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return TypedResults.Ok(hits.Where(h => candidates.ContainsKey(h.Id)).Select(h => ArticleSummaryDto.From(candidates[h.Id])).ToList());
    }

    public static async Task<IReadOnlyList<ArticleSearchIndex.Hit>> SearchAsync(string q, HospitalDbContext db, ArticleSearchIndex index, CancellationToken ct)
    {
        var active = db.EducationArticles.AsNoTracking().Where(a => a.IsActive);
        var stamp = $"{await active.CountAsync(ct)}:{await active.MaxAsync(a => (DateTimeOffset?)a.ReviewedAt, ct):O}";
        if (!index.IsCurrent(stamp)) index.Rebuild(await active.ToListAsync(ct), stamp);
        return index.Search(q);
    }

    public static async Task<Ok<ArticleDto>> GetArticle(string slug, HospitalDbContext db, CancellationToken ct)
    {
        var article = await db.EducationArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug && a.IsActive, ct)
            ?? throw ProblemException.NotFound("文章");
        return TypedResults.Ok(ArticleDto.From(article));
    }

    /// <summary>Counted by an explicit call from the article page, so link previews and prefetches do not count.</summary>
    public static async Task<Ok<ReadCountDto>> RecordRead(string slug, HospitalDbContext db, CancellationToken ct)
    {
        var updated = await db.EducationArticles.Where(a => a.Slug == slug && a.IsActive)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReadCount, a => a.ReadCount + 1), ct);
        if (updated == 0) throw ProblemException.NotFound("文章");
        var count = await db.EducationArticles.AsNoTracking().Where(a => a.Slug == slug).Select(a => a.ReadCount).FirstAsync(ct);
        return TypedResults.Ok(new ReadCountDto(count));
    }

    public static async Task<Ok<List<StaffArticleDto>>> ListForStaff(
        bool? staleOnly, HospitalDbContext db, IOptions<EducationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var interval = options.Value.ReviewInterval;
        var articles = await db.EducationArticles.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.ReviewedAt).ToListAsync(ct);
        var rows = articles
            .Select(a => new StaffArticleDto(a.Id, a.Slug, a.Title, a.Specialty, a.PublishedAt, a.ReviewedAt, a.ReadCount,
                a.IsStale(now, interval), a.ReviewedAt + interval))
            .Where(a => staleOnly != true || a.IsStale)
            .ToList();
        return TypedResults.Ok(rows);
    }

    public static async Task<Ok<List<RecommendedArticleDto>>> Recommend(ClaimsPrincipal user, ArticleRecommendations recommendations,
        CancellationToken ct) =>
        TypedResults.Ok(await recommendations.ForAccountAsync(user.AccountId(), 10, ct));

    public sealed record ReadCountDto(long ReadCount);
}
