using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Hospital.API.Application.Publishing;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Content;

/// <summary>医院介绍 (R06): who the hospital is, how big, what it is known for, and every campus.</summary>
public sealed class HospitalProfile : IContentDocument
{
    public const string Slug = "hospital-profile";
    public const string Key = "main";

    [Display(Name = "医院名称")] public string Name { get; set; } = "";
    [Display(Name = "医院等级")] public string Grade { get; set; } = "";
    [Display(Name = "建院年份")] public int FoundedYear { get; set; }
    [Display(Name = "编制床位")] public int Beds { get; set; }
    [Display(Name = "职工人数")] public int StaffCount { get; set; }
    [Display(Name = "年门急诊量（万人次）")] public int AnnualOutpatientVisitsWan { get; set; }
    [Display(Name = "医院简介"), RichText] public string Introduction { get; set; } = "";
    [Display(Name = "历史沿革"), RichText] public string History { get; set; } = "";
    [Display(Name = "医院荣誉")] public List<string> Honours { get; set; } = [];
    [Display(Name = "临床重点专科")] public List<string> ClinicalSpecialties { get; set; } = [];
    [Display(Name = "特色医疗技术")] public List<string> MedicalTechnologies { get; set; } = [];
    [Display(Name = "总机电话")] public string Phone { get; set; } = "";
    [Display(Name = "电子邮箱")] public string Email { get; set; } = "";
    [Display(Name = "医院网站"), LinkUrl] public string Website { get; set; } = "";
    [Display(Name = "院区")] public List<CampusInfo> Campuses { get; set; } = [];

    [JsonIgnore] public string ContentTitle => Name;

    public void Validate(Validation v)
    {
        v.Required("name", Name, "医院名称").Length("name", Name, "医院名称", 2, 50)
            .Length("introduction", Introduction, "医院简介", 0, 5000).Length("history", History, "历史沿革", 0, 10000);
        if (Beds < 0 || StaffCount < 0 || AnnualOutpatientVisitsWan < 0) v.Add("beds", "规模数字不能为负数");
        if (Campuses.Count == 0) v.Add("campuses", "请至少填写一个院区");
        for (var i = 0; i < Campuses.Count; i++) Campuses[i].Validate(v, $"campuses[{i}]");
        ListRules.Check(v, "honours", Honours, "医院荣誉");
        ListRules.Check(v, "clinicalSpecialties", ClinicalSpecialties, "临床重点专科");
        ListRules.Check(v, "medicalTechnologies", MedicalTechnologies, "特色医疗技术");
    }
}

public sealed class CampusInfo
{
    [Display(Name = "院区名称")] public string Name { get; set; } = "";
    [Display(Name = "地址")] public string Address { get; set; } = "";
    [Display(Name = "电话")] public string Phone { get; set; } = "";
    [Display(Name = "电子邮箱")] public string Email { get; set; } = "";
    [Display(Name = "地图链接"), LinkUrl] public string MapUrl { get; set; } = "";
    [Display(Name = "交通路线")] public List<string> TransportRoutes { get; set; } = [];
    [Display(Name = "院区简介")] public string Summary { get; set; } = "";

    public void Validate(Validation v, string path)
    {
        v.Required($"{path}.name", Name, "院区名称").Length($"{path}.name", Name, "院区名称", 1, 30)
            .Required($"{path}.address", Address, "院区地址").Length($"{path}.address", Address, "院区地址", 1, 100)
            .Length($"{path}.summary", Summary, "院区简介", 0, 500);
        ListRules.Check(v, $"{path}.transportRoutes", TransportRoutes, "交通路线");
    }
}

internal static class ListRules
{
    public static void Check(Validation v, string field, List<string> items, string label, int maxItems = 30, int maxLength = 200)
    {
        if (items.Count > maxItems) v.Add(field, $"{label}最多{maxItems}项");
        if (items.Any(string.IsNullOrWhiteSpace)) v.Add(field, $"{label}不能有空项");
        if (items.Any(i => i.Length > maxLength)) v.Add(field, $"{label}每项最多{maxLength}个字");
    }
}
