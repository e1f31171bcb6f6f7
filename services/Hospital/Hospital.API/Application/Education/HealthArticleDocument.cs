using System.ComponentModel.DataAnnotations;
using Hospital.API.Application.Publishing;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Education;

/// <summary>A patient-education article as staff write it (content type "health-article", key = its slug). Each
/// publish is a review: the article's review date moves to the publish time.</summary>
public sealed class HealthArticleDocument : IContentDocument
{
    [Display(Name = "标题")] public string Title { get; set; } = "";
    [Display(Name = "专科")] public string Specialty { get; set; } = "";
    [Display(Name = "相关科室编码")] public List<string> DepartmentCodes { get; set; } = [];
    [Display(Name = "相关疾病")] public List<string> Diseases { get; set; } = [];
    [Display(Name = "摘要")] public string Summary { get; set; } = "";
    [Display(Name = "正文"), RichText] public string Body { get; set; } = "";

    public string ContentTitle => Title;

    public void Validate(Validation validation)
    {
        validation.Required("title", Title, "标题").Length("title", Title, "标题", 1, 80)
            .Required("specialty", Specialty, "专科").Length("specialty", Specialty, "专科", 1, 30)
            .Length("summary", Summary, "摘要", 0, 300)
            .Required("body", Body, "正文").Length("body", Body, "正文", 1, 20000);
        if (Diseases.Count > 20 || Diseases.Any(d => d.Length is 0 or > 30)) validation.Add("diseases", "相关疾病最多 20 个，每个 1-30 字");
        if (DepartmentCodes.Count > 10 || DepartmentCodes.Any(d => d.Length is 0 or > 32)) validation.Add("departmentCodes", "相关科室最多 10 个");
    }
}
