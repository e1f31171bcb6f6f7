namespace Hospital.API.Infrastructure.Seed.Education;

/// <summary>A seeded article. <paramref name="ReviewedDaysAgo"/> spreads review dates so some are due for review.</summary>
internal sealed record DemoArticle(
    string Slug, string Title, string Specialty, string[] DepartmentCodes, string[] Diseases, string Summary, string Body,
    int ReviewedDaysAgo);
