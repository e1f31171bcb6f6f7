using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Hospital.API.Application.Publishing;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Content;

/// <summary>医生介绍 (R08), keyed by the HIS practitioner id: what staff add to the HIS record (photo, a longer
/// introduction, the diseases patients search for).</summary>
public sealed class DoctorProfile : IContentDocument
{
    public const string Slug = "doctor";

    [Display(Name = "医生姓名")] public string Name { get; set; } = "";
    [Display(Name = "照片"), LinkUrl, Image] public string PhotoUrl { get; set; } = "";
    [Display(Name = "擅长")] public string Expertise { get; set; } = "";
    [Display(Name = "擅长病种")] public List<string> Diseases { get; set; } = [];
    [Display(Name = "医生介绍"), RichText] public string Introduction { get; set; } = "";

    [JsonIgnore] public string ContentTitle => Name;

    public void Validate(Validation v)
    {
        v.Required("name", Name, "医生姓名").Length("name", Name, "医生姓名", 1, 30)
            .Length("expertise", Expertise, "擅长", 0, 300).Length("introduction", Introduction, "医生介绍", 0, 5000);
        ListRules.Check(v, "diseases", Diseases, "擅长病种", 20, 30);
    }
}
