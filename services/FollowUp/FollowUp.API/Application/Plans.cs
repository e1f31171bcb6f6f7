using FollowUp.API.Domain;
using FollowUp.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.API.Application;

/// <summary>Starts a follow-up plan: every step's questionnaire is scheduled at once for its day, and the dispatch
/// worker sends each when its day comes. Starting the same template for the same source twice does nothing.</summary>
public sealed class Plans(FollowUpDbContext db)
{
    public async Task<FollowUpPlan?> StartAsync(PlanTemplate t, Guid patientId, string sourceRef, DateTimeOffset startAt, CancellationToken ct)
    {
        if (await db.Plans.AnyAsync(p => p.TemplateId == t.Id && p.PatientId == patientId && p.SourceRef == sourceRef, ct)) return null;
        var plan = new FollowUpPlan { TemplateId = t.Id, PatientId = patientId, SourceRef = sourceRef, CareTeamGroup = t.CareTeamGroup, StartedAt = startAt };
        db.Plans.Add(plan);
        foreach (var step in t.Steps.OrderBy(s => s.Day))
            db.Responses.Add(new SurveyResponse
            {
                QuestionnaireId = step.QuestionnaireId, PatientId = patientId, Reason = SurveyReason.Plan, DepartmentName = t.DepartmentName,
                PlanId = plan.Id, PlanDay = step.Day, SendAt = startAt.AddDays(step.Day),
            });
        return plan;
    }
}
