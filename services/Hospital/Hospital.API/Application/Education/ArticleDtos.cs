using Hospital.API.Application.Publishing;
using Hospital.API.Domain.Education;

namespace Hospital.API.Application.Education;

public sealed record ArticleSummaryDto(
    Guid Id, string Slug, string Title, string Specialty, IReadOnlyList<string> Diseases, string Summary,
    DateTimeOffset PublishedAt, DateTimeOffset ReviewedAt, long ReadCount)
{
    public static ArticleSummaryDto From(EducationArticle a) =>
        new(a.Id, a.Slug, a.Title, a.Specialty, a.Diseases, a.Summary, a.PublishedAt, a.ReviewedAt, a.ReadCount);
}

public sealed record ArticleDto(
    Guid Id, string Slug, string Title, string Specialty, IReadOnlyList<string> Diseases, IReadOnlyList<string> DepartmentCodes,
    string Summary, string BodyHtml, DateTimeOffset PublishedAt, DateTimeOffset ReviewedAt, long ReadCount)
{
    public static ArticleDto From(EducationArticle a) =>
        new(a.Id, a.Slug, a.Title, a.Specialty, a.Diseases, a.DepartmentCodes, a.Summary, RichText.Render(a.Body),
            a.PublishedAt, a.ReviewedAt, a.ReadCount);
}

public sealed record StaffArticleDto(
    Guid Id, string Slug, string Title, string Specialty, DateTimeOffset PublishedAt, DateTimeOffset ReviewedAt, long ReadCount,
    bool IsStale, DateTimeOffset ReviewDueAt);

public sealed record SpecialtyDto(string Name, int ArticleCount);
