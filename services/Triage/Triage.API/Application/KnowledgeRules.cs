using System.Text.RegularExpressions;
using Platform.ServiceDefaults.Problems;
using Triage.API.Domain;

namespace Triage.API.Application;

/// <summary>What a staff edit must satisfy, and how an edit replaces an entry's content.</summary>
public static partial class KnowledgeRules
{
    [GeneratedRegex("^[a-z0-9_]{1,60}$")]
    private static partial Regex CodePattern();

    private const string CodeMessage = "编码只能包含小写字母、数字和下划线（最多60个）";

    public static void Copy(Symptom from, Symptom to)
    {
        to.Name = from.Name.Trim();
        to.Terms = Clean(from.Terms);
        to.BodyParts = Clean(from.BodyParts);
        to.Weights = Weights(from.Weights);
    }

    public static void Check(Symptom s, Validation v)
    {
        Name(v, "name", s.Name, "症状名称", 40);
        Words(v, "terms", s.Terms, "同义词", 20);
        Words(v, "bodyParts", s.BodyParts, "部位", 20);
        Weights(v, s.Weights);
    }

    public static void Copy(BodyPart from, BodyPart to)
    {
        to.Name = from.Name.Trim();
        to.Aliases = Clean(from.Aliases);
        to.SortOrder = from.SortOrder;
        to.Weights = Weights(from.Weights);
    }

    public static void Check(BodyPart b, Validation v)
    {
        Name(v, "name", b.Name, "部位名称", 20);
        Words(v, "aliases", b.Aliases, "别名", 20);
        Weights(v, b.Weights);
    }

    public static void Copy(FollowUpQuestion from, FollowUpQuestion to)
    {
        to.Code = from.Code.Trim();
        to.Text = from.Text.Trim();
        to.ForSymptoms = Clean(from.ForSymptoms);
        to.ForBodyParts = Clean(from.ForBodyParts);
        to.Sex = string.IsNullOrWhiteSpace(from.Sex) ? null : from.Sex.Trim();
        to.MinAge = from.MinAge;
        to.MaxAge = from.MaxAge;
        to.YesAdds = Clean(from.YesAdds);
    }

    public static void Check(FollowUpQuestion q, Validation v)
    {
        Code(v, q.Code);
        Name(v, "text", q.Text, "问题", 200);
        Words(v, "forSymptoms", q.ForSymptoms, "相关症状", 40);
        Words(v, "forBodyParts", q.ForBodyParts, "相关部位", 20);
        if (q.YesAdds is not { Count: > 0 }) v.Add("yesAdds", "请填写回答“是”时加入的症状");
        Words(v, "yesAdds", q.YesAdds, "症状", 40);
        People(v, q.Sex, q.MinAge, q.MaxAge);
    }

    public static void Copy(RedFlagRule from, RedFlagRule to)
    {
        to.Code = from.Code.Trim();
        to.Name = from.Name.Trim();
        to.AllOf = from.AllOf.Select(g => new SymptomGroup { AnyOf = Clean(g.AnyOf) }).ToList();
        to.NoneOf = Clean(from.NoneOf);
        to.Sex = string.IsNullOrWhiteSpace(from.Sex) ? null : from.Sex.Trim();
        to.MinAge = from.MinAge;
        to.MaxAge = from.MaxAge;
    }

    public static void Check(RedFlagRule r, Validation v)
    {
        Code(v, r.Code);
        Name(v, "name", r.Name, "危险信号名称", 100);
        if (r.AllOf is not { Count: > 0 } || r.AllOf.Any(g => g?.AnyOf is not { Count: > 0 }))
            v.Add("allOf", "每组至少填写一个症状");
        Words(v, "noneOf", r.NoneOf, "症状", 40);
        People(v, r.Sex, r.MinAge, r.MaxAge);
    }

    public static void Copy(PopulationRule from, PopulationRule to)
    {
        to.Code = from.Code.Trim();
        to.Name = from.Name.Trim();
        to.Priority = from.Priority;
        to.Sex = string.IsNullOrWhiteSpace(from.Sex) ? null : from.Sex.Trim();
        to.MinAge = from.MinAge;
        to.MaxAge = from.MaxAge;
        to.RequiresSymptom = string.IsNullOrWhiteSpace(from.RequiresSymptom) ? null : from.RequiresSymptom.Trim();
        to.RedirectFrom = Clean(from.RedirectFrom);
        to.RedirectTo = string.IsNullOrWhiteSpace(from.RedirectTo) ? null : from.RedirectTo.Trim();
        to.Exclude = Clean(from.Exclude);
    }

    public static void Check(PopulationRule r, Validation v)
    {
        Code(v, r.Code);
        Name(v, "name", r.Name, "规则名称", 100);
        Words(v, "redirectFrom", r.RedirectFrom, "专科", 40);
        Words(v, "exclude", r.Exclude, "专科", 40);
        People(v, r.Sex, r.MinAge, r.MaxAge);
    }

    public static void Copy(Specialty from, Specialty to)
    {
        to.Name = from.Name.Trim();
        to.Fallbacks = Clean(from.Fallbacks);
    }

    public static void Check(Specialty s, Validation v)
    {
        Name(v, "name", s.Name, "专科名称", 40);
        Words(v, "fallbacks", s.Fallbacks, "科室", 100);
    }

    private static void Name(Validation v, string field, string? value, string label, int max) =>
        v.Required(field, value, label).Length(field, value, label, 1, max).PlainText(field, value, label);

    private static void Code(Validation v, string? code)
    {
        v.Required("code", code, "编码");
        if (!string.IsNullOrEmpty(code) && !CodePattern().IsMatch(code)) v.Add("code", CodeMessage);
    }

    private static void Words(Validation v, string field, List<string>? words, string label, int max)
    {
        if (words is null) return;
        if (words.Count > 200) v.Add(field, $"{label}最多200个");
        foreach (var w in words)
        {
            if (string.IsNullOrWhiteSpace(w) || w.Trim().Length > max) { v.Add(field, $"每个{label}应为1-{max}个字"); return; }
            v.PlainText(field, w, label);
        }
    }

    private static void Weights(Validation v, List<SpecialtyWeight>? weights)
    {
        if (weights is null) return;
        if (weights.Any(w => w is null || string.IsNullOrWhiteSpace(w.Specialty) || w.Specialty.Length > 40 || w.Weight is < 0 or > 10 || double.IsNaN(w.Weight)))
            v.Add("weights", "每个权重需填写专科名称，权重在0-10之间");
    }

    private static void People(Validation v, string? sex, int? minAge, int? maxAge)
    {
        if (!string.IsNullOrWhiteSpace(sex) && sex.Trim() is not ("M" or "F")) v.Add("sex", "性别只能是 M 或 F");
        if (minAge is < 0 or > 120 || maxAge is < 0 or > 120 || (minAge > maxAge)) v.Add("age", "年龄范围应在0-120岁之间");
    }

    private static List<string> Clean(List<string>? words) =>
        (words ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).Distinct().ToList();

    private static List<SpecialtyWeight> Weights(List<SpecialtyWeight>? weights) =>
        (weights ?? []).Select(w => new SpecialtyWeight { Specialty = w.Specialty.Trim(), Weight = w.Weight }).ToList();
}
