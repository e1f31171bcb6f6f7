using Microsoft.EntityFrameworkCore;
using Reports.API.Infrastructure;

namespace Reports.API.Application;

/// <summary>A plain-language note on one abnormal value, from the reviewed knowledge base (X11). <see cref="Emergency"/>
/// is set for a critical value: go to the emergency department now.</summary>
public sealed record ExplanationDto(
    string Loinc, string Name, string Direction, string Measures, string Meaning, string AskDoctor, string SeekCare, bool Critical,
    string? Emergency, string Source, DateOnly ReviewedOn, string Reviewer, string Disclaimer);

public sealed class Explanations(ReportsDbContext db)
{
    public const string Disclaimer = "以上为科普解释，不是诊断。检验结果需由医生结合症状、体检和其他检查综合判断，请勿自行用药或停药。";
    public const string EmergencyText = "这是危急值：请立即联系您的医生，或马上前往急诊科（急诊24小时开放），身边无人时拨打120。";

    public async Task<Dictionary<string, ExplanationDto>> ForAsync(IEnumerable<HisItem> items, CancellationToken ct)
    {
        var abnormal = items.Where(i => i.Abnormal && i.Loinc is not null).ToList();
        if (abnormal.Count == 0) return [];
        var codes = abnormal.Select(i => i.Loinc!).Distinct().ToList();
        var known = await db.Knowledge.AsNoTracking().Where(k => codes.Contains(k.Loinc)).ToDictionaryAsync(k => k.Loinc, ct);
        var result = new Dictionary<string, ExplanationDto>();
        foreach (var item in abnormal)
        {
            var high = item.Flag is "H" or "HH" || (item.Flag is "A" or "AA" && item.NumericValue > item.High);
            var direction = high ? "high" : "low";
            if (known.GetValueOrDefault(item.Loinc!) is { } k)
                result[item.Id] = new ExplanationDto(k.Loinc, k.Name, direction, k.Measures,
                    (high ? k.High : k.Low) ?? "该项目结果偏离参考范围，意义需由医生结合其他检查判断。", k.AskDoctor, k.SeekCare,
                    item.Critical, item.Critical ? EmergencyText : null, k.Source, k.ReviewedOn, k.Reviewer, Disclaimer);
            else if (item.Critical)
                result[item.Id] = new ExplanationDto(item.Loinc!, item.Name, direction, "", "该结果达到危急值界限。", "请尽快联系医生。",
                    EmergencyText, true, EmergencyText, "医院危急值报告制度", DateOnly.MinValue, "", Disclaimer);
        }
        return result;
    }
}
