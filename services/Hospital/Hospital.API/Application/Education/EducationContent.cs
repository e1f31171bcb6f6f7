namespace Hospital.API.Application.Education;

public static class EducationContent
{
    public const string Slug = "health-article";
    public const string Label = "健康宣教文章";
}
