using FollowUp.API.Domain;
using FollowUp.API.Extensions;
using FollowUp.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FollowUp.API.Application;

/// <summary>What a patient did decides what they are asked (R29): each matching targeting rule schedules its
/// questionnaire, unless the patient opted out, the rule recruits for a study they did not consent to, or the hospital's
/// frequency cap is reached, or the rule recruits for diagnoses the patient does not have (read from the HIS only when a
/// consented patient meets such a rule); matching follow-up plan templates start a plan (R30).</summary>
public sealed class Targeting(FollowUpDbContext db, Plans plans, HisConditions his, TimeProvider clock, IOptions<FollowUpOptions> options,
    ILogger<Targeting> logger)
{
    public async Task OnEventAsync(Visit visit, CancellationToken ct)
    {
        if (await db.Visits.AnyAsync(v => v.SourceRef == visit.SourceRef, ct)) return;
        db.Visits.Add(visit);
        var rules = await db.TargetingRules.AsNoTracking()
            .Where(r => r.Enabled && r.Trigger == visit.Kind && (r.DepartmentName == null || r.DepartmentName == visit.DepartmentName))
            .ToListAsync(ct);
        var preference = await db.Preferences.AsNoTracking().SingleOrDefaultAsync(p => p.PatientId == visit.PatientId, ct);
        var since = clock.GetUtcNow().AddDays(-30);
        var recent = await db.Responses.CountAsync(r => r.PatientId == visit.PatientId && r.PlanId == null && r.SendAt >= since, ct);
        IReadOnlyList<PatientCondition>? conditions = null;
        foreach (var rule in rules)
        {
            var q = await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(x => x.Id == rule.QuestionnaireId && x.Active, ct);
            if (q is null) continue;
            if (preference?.SurveysOptedOut == true) { logger.LogInformation("Survey not sent: patient opted out"); break; }
            if (q.Purpose == QuestionnairePurpose.Recruitment && preference?.RecruitmentConsent != true) continue;
            if (recent >= options.Value.SurveyCapPer30Days) { logger.LogInformation("Survey not sent: frequency cap reached"); break; }
            if (rule.ConditionTerms.Count > 0)
            {
                conditions ??= await ConditionsOrNoneAsync(visit.PatientId, ct);
                if (!conditions.Any(c => c.IsActive && rule.ConditionTerms.Any(c.Matches))) continue;
            }
            db.Responses.Add(new SurveyResponse
            {
                QuestionnaireId = q.Id, PatientId = visit.PatientId, Reason = visit.Kind, DepartmentName = visit.DepartmentName,
                VisitRef = visit.SourceRef, SendAt = visit.At.AddHours(rule.DelayHours),
            });
            recent++;
        }
        var templates = await db.PlanTemplates.AsNoTracking()
            .Where(t => t.Enabled && t.Trigger == visit.Kind && (t.DepartmentName == null || t.DepartmentName == visit.DepartmentName))
            .ToListAsync(ct);
        foreach (var t in templates) await plans.StartAsync(t, visit.PatientId, visit.SourceRef, visit.At, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>When the HIS cannot be read, no study invites the patient this time; the visit's surveys and follow-up
    /// plans (care) still go ahead rather than wait on, or be lost with, an event that failed for recruitment's sake.</summary>
    private async Task<IReadOnlyList<PatientCondition>> ConditionsOrNoneAsync(Guid patientId, CancellationToken ct)
    {
        try
        {
            return await his.ForAsync(patientId, ct);
        }
        catch (HisUnavailableException ex)
        {
            logger.LogWarning(ex, "Recruitment skipped: the patient's diagnoses could not be read from the HIS adapter");
            return [];
        }
    }
}
