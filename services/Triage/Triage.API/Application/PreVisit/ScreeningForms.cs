namespace Triage.API.Application.PreVisit;

public sealed record ScreeningQuestion(string Code, string Text);

/// <summary>The pre-visit screening form (X12): 流行病学筛查 as hospitals sent it before admitting patients in 2020. Any
/// "yes", or a temperature of 37.3 ℃ or more, means contact the clinic (or the fever clinic) before coming.</summary>
public static class ScreeningForms
{
    public const string Epidemic = "epidemic";
    public const string EpidemicTitle = "流行病学筛查";
    public const decimal FeverFrom = 37.3m;

    public static readonly IReadOnlyList<ScreeningQuestion> EpidemicQuestions =
    [
        new("fever", "近14天内是否有发热（体温≥37.3℃）？"),
        new("respiratory", "近14天内是否有咳嗽、咽痛、乏力、嗅觉或味觉减退、腹泻等症状？"),
        new("travel", "近14天内是否有境外或中高风险地区旅居史？"),
        new("contact", "近14天内是否接触过确诊、疑似病例或无症状感染者？"),
        new("cluster", "家中、单位或学校近14天内是否有2人及以上出现发热或呼吸道症状？"),
    ];

    public static string Outcome(IReadOnlyDictionary<string, bool> answers, decimal? temperature) =>
        answers.Any(a => a.Value) || temperature >= FeverFrom ? Domain.PreVisit.ScreeningOutcomes.ContactClinic : Domain.PreVisit.ScreeningOutcomes.MayCome;

    public static string Advice(string outcome, string? clinicPhone) => outcome == Domain.PreVisit.ScreeningOutcomes.MayCome
        ? "筛查未见异常，可按预约时间来院就诊。来院时请全程佩戴口罩，配合测温。"
        : $"您的筛查结果需要先与医院沟通：请暂不要直接来院，先致电门诊{(string.IsNullOrEmpty(clinicPhone) ? "" : $"（{clinicPhone}）")}说明情况，"
          + "如有发热请到发热门诊就诊。病情紧急请拨打120。";
}
