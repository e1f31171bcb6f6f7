using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Hospital.API.Application.Publishing;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Content;

/// <summary>科室介绍 (R07), keyed by the HIS department code: what the HIS does not say about a department.</summary>
public sealed class DepartmentContent : IContentDocument
{
    public const string Slug = "department";

    [Display(Name = "科室名称")] public string Name { get; set; } = "";
    [Display(Name = "重点专科")] public bool IsFlagship { get; set; }
    [Display(Name = "科室概况"), RichText] public string Overview { get; set; } = "";
    [Display(Name = "人员结构"), RichText] public string StaffStructure { get; set; } = "";
    [Display(Name = "诊疗范围"), RichText] public string Scope { get; set; } = "";
    [Display(Name = "特色专科与技术")] public List<string> FlagshipSpecialties { get; set; } = [];
    [Display(Name = "门诊时间")] public string ClinicHours { get; set; } = "";
    [Display(Name = "联系电话")] public string ContactPhone { get; set; } = "";
    [Display(Name = "电子邮箱")] public string ContactEmail { get; set; } = "";

    [JsonIgnore] public string ContentTitle => Name;

    public void Validate(Validation v)
    {
        v.Required("name", Name, "科室名称").Length("name", Name, "科室名称", 1, 50)
            .Length("overview", Overview, "科室概况", 0, 5000).Length("staffStructure", StaffStructure, "人员结构", 0, 3000)
            .Length("scope", Scope, "诊疗范围", 0, 5000).Length("clinicHours", ClinicHours, "门诊时间", 0, 100)
            .Length("contactPhone", ContactPhone, "联系电话", 0, 30).Length("contactEmail", ContactEmail, "电子邮箱", 0, 100);
        ListRules.Check(v, "flagshipSpecialties", FlagshipSpecialties, "特色专科与技术", 20, 50);
    }
}
