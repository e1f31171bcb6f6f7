using FollowUp.API.Domain;
using FollowUp.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;

namespace FollowUp.API.Application;

public sealed record AnswersRequest(List<Answer>? Answers, bool Submit);

/// <summary>Filling in a questionnaire on the phone: answers are saved as the patient goes (partial answers survive a
/// closed page), checked against the questions, and submitted once; out-of-range answers of a follow-up plan alert
/// its care team.</summary>
public sealed class Surveys(FollowUpDbContext db, StaffAlerts alerts, StaffSmsSignal smsSignal, TimeProvider clock)
{
    public async Task<SurveyResponse> SaveAsync(SurveyResponse r, Questionnaire q, AnswersRequest request, CancellationToken ct)
    {
        if (r.Status == SurveyStatus.Completed) throw ProblemException.Conflict("survey_completed", "问卷已提交，不能再修改");
        if (r.SentAt is null) throw ProblemException.NotFound("问卷");
        var answers = AnswerRules.Validate(q, request.Answers ?? [], request.Submit);
        var now = clock.GetUtcNow();
        r.Answers = answers;
        r.SavedAt = now;
        r.Status = request.Submit ? SurveyStatus.Completed : SurveyStatus.InProgress;
        if (request.Submit)
        {
            r.CompletedAt = now;
            var outOfRange = AnswerRules.OutOfRange(q, answers);
            r.OutOfRange = outOfRange.Count > 0;
            if (r.OutOfRange && await CareTeamOfAsync(r, ct) is { } team)
                await alerts.RaiseAsync(team, StaffAlertKind.AnswerOutOfRange, $"随访异常：{q.Title}",
                    $"{(r.PlanDay is { } d ? $"第{d}天" : "")}随访回答超出预期范围：{string.Join("；", outOfRange)}。请在管理后台查看答卷并及时联系患者。",
                    null, r.Id, ct, r.PatientId);
        }
        await db.SaveChangesAsync(ct);
        if (r.OutOfRange) smsSignal.Nudge();
        return r;
    }

    private async Task<string?> CareTeamOfAsync(SurveyResponse r, CancellationToken ct) =>
        r.PlanId is { } planId ? await db.Plans.Where(p => p.Id == planId).Select(p => p.CareTeamGroup).SingleOrDefaultAsync(ct) : null;
}
