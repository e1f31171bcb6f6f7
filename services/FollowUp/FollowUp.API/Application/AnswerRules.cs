using FollowUp.API.Domain;

namespace FollowUp.API.Application;

/// <summary>What answers a questionnaire accepts, and which answers fall outside the range its author marked.</summary>
public static class AnswerRules
{
    public static (decimal Min, decimal Max) RangeOf(QuestionItem item) => item.Type switch
    {
        QuestionType.Nps => (0, 10),
        QuestionType.Rating => (1, item.Max ?? 5),
        _ => (item.Min ?? decimal.MinValue, item.Max ?? decimal.MaxValue),
    };

    /// <summary>Checks every given answer against its question (unknown questions, numbers out of the scale, options that
    /// do not exist); on <paramref name="submit"/> also that every required question is answered.</summary>
    public static List<Answer> Validate(Questionnaire q, IReadOnlyList<Answer> answers, bool submit)
    {
        var byId = q.Items.ToDictionary(i => i.LinkId);
        var clean = new List<Answer>();
        foreach (var a in answers)
        {
            if (!byId.TryGetValue(a.LinkId ?? "", out var item)) throw Invalid.Field("answers", $"问题 {a.LinkId} 不在问卷中");
            var answer = new Answer { LinkId = item.LinkId };
            if (QuestionType.IsNumeric(item.Type))
            {
                if (a.Number is null) continue;
                var (min, max) = RangeOf(item);
                if (a.Number < min || a.Number > max) throw Invalid.Field(item.LinkId, $"“{item.Text}”的回答应在 {min:0.##} 到 {max:0.##} 之间");
                answer.Number = a.Number;
            }
            else if (item.Type is QuestionType.Choice or QuestionType.Multiple)
            {
                var chosen = (a.Choices ?? []).Distinct().ToList();
                if (chosen.Count == 0) continue;
                if (chosen.Any(c => !item.Options.Contains(c))) throw Invalid.Field(item.LinkId, $"“{item.Text}”的选项无效");
                if (item.Type == QuestionType.Choice && chosen.Count > 1) throw Invalid.Field(item.LinkId, $"“{item.Text}”只能选一项");
                answer.Choices = chosen;
            }
            else
            {
                var text = Invalid.Text(a.Text, item.LinkId, 1000, $"“{item.Text}”的回答", required: false);
                if (text is null) continue;
                answer.Text = text;
            }
            clean.RemoveAll(c => c.LinkId == answer.LinkId);
            clean.Add(answer);
        }
        if (submit)
        {
            var missing = q.Items.Where(i => i.Required && clean.All(c => c.LinkId != i.LinkId)).ToList();
            if (missing.Count > 0)
                throw Platform.ServiceDefaults.Problems.ProblemException.Invalid(missing.ToDictionary(i => i.LinkId, i => new[] { $"请回答“{i.Text}”" }));
        }
        return clean;
    }

    /// <summary>The answers the care team must hear about, as "question: answer" lines.</summary>
    public static List<string> OutOfRange(Questionnaire q, IEnumerable<Answer> answers)
    {
        var byId = q.Items.ToDictionary(i => i.LinkId);
        var found = new List<string>();
        foreach (var a in answers)
        {
            if (!byId.TryGetValue(a.LinkId, out var item)) continue;
            if (a.Number is { } n && ((item.AlertBelow is { } below && n < below) || (item.AlertAbove is { } above && n > above)))
                found.Add($"{item.Text}：{n:0.##}");
            var alarming = a.Choices.Where(item.AlertOptions.Contains).ToList();
            if (alarming.Count > 0) found.Add($"{item.Text}：{string.Join("、", alarming)}");
        }
        return found;
    }

    /// <summary>A questionnaire as staff define it must make sense before any patient sees it.</summary>
    public static void ValidateDefinition(string? title, string? purpose, List<QuestionItem>? items)
    {
        Invalid.Text(title, "title", 100, "问卷标题");
        if (purpose is null || !QuestionnairePurpose.All.Contains(purpose)) throw Invalid.Field("purpose", "问卷用途无效");
        if (items is null || items.Count == 0) throw Invalid.Field("items", "问卷至少要有一个问题");
        if (items.Count > 50) throw Invalid.Field("items", "问卷最多 50 个问题");
        if (items.Select(i => i.LinkId).Distinct().Count() != items.Count) throw Invalid.Field("items", "问题编号不能重复");
        foreach (var i in items)
        {
            if (string.IsNullOrWhiteSpace(i.LinkId) || i.LinkId.Length > 20) throw Invalid.Field("items", "每个问题都要有编号（最多20字）");
            Invalid.Text(i.Text, "items", 200, "问题内容");
            if (!QuestionType.All.Contains(i.Type)) throw Invalid.Field("items", $"问题“{i.Text}”的类型无效");
            if (i.Type is QuestionType.Choice or QuestionType.Multiple)
            {
                i.Options = (i.Options ?? []).Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().ToList();
                if (i.Options.Count < 2) throw Invalid.Field("items", $"选择题“{i.Text}”至少要有两个选项");
                if ((i.AlertOptions ?? []).Any(o => !i.Options.Contains(o))) throw Invalid.Field("items", $"问题“{i.Text}”的预警选项不在选项中");
            }
            else i.Options = [];
            i.AlertOptions ??= [];
            if (i.Type == QuestionType.Rating && i.Max is { } m && (m < 3 || m > 10)) throw Invalid.Field("items", "评分题的满分应在 3 到 10 之间");
        }
    }
}
