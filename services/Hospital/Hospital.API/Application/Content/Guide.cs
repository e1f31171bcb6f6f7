using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Hospital.API.Application.Publishing;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Content;

/// <summary>就医指南 (R09) and 预约须知 (R11): numbered steps, each able to open the page of the app that does it,
/// and the materials to bring.</summary>
public sealed class Guide : IContentDocument
{
    public const string Slug = "guide";
    public const string PatientGuide = "guide";
    public const string Booking = "booking";

    [Display(Name = "栏目")] public string Category { get; set; } = PatientGuide;
    [Display(Name = "标题")] public string Title { get; set; } = "";
    [Display(Name = "摘要")] public string Summary { get; set; } = "";
    [Display(Name = "排序")] public int SortOrder { get; set; }
    [Display(Name = "办理步骤")] public List<GuideStep> Steps { get; set; } = [];
    [Display(Name = "所需材料")] public List<string> Materials { get; set; } = [];
    [Display(Name = "注意事项")] public List<string> Notes { get; set; } = [];
    [Display(Name = "详细说明"), RichText] public string Body { get; set; } = "";

    [JsonIgnore] public string ContentTitle => Title;

    public void Validate(Validation v)
    {
        if (Category is not (PatientGuide or Booking)) v.Add("category", "栏目只能是就医指南或预约须知");
        v.Required("title", Title, "标题").Length("title", Title, "标题", 1, 50).Length("summary", Summary, "摘要", 0, 200)
            .Length("body", Body, "详细说明", 0, 10000);
        if (Steps.Count > 20) v.Add("steps", "办理步骤最多20步");
        for (var i = 0; i < Steps.Count; i++)
        {
            v.Required($"steps[{i}].title", Steps[i].Title, "步骤名称").Length($"steps[{i}].title", Steps[i].Title, "步骤名称", 1, 30)
                .Length($"steps[{i}].detail", Steps[i].Detail, "步骤说明", 0, 300)
                .Length($"steps[{i}].appLabel", Steps[i].AppLabel, "入口名称", 0, 20);
        }
        ListRules.Check(v, "materials", Materials, "所需材料");
        ListRules.Check(v, "notes", Notes, "注意事项");
    }
}

public sealed class GuideStep
{
    [Display(Name = "步骤名称")] public string Title { get; set; } = "";
    [Display(Name = "步骤说明")] public string Detail { get; set; } = "";
    [Display(Name = "应用内入口"), LinkUrl] public string AppPath { get; set; } = "";
    [Display(Name = "入口名称")] public string AppLabel { get; set; } = "";
}
