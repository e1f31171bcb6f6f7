using System.Security.Claims;
using System.Text.Json.Nodes;
using FollowUp.API.Application;
using FollowUp.API.Domain;
using FollowUp.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace FollowUp.API.Apis;

/// <summary>The patient's questionnaires: satisfaction surveys, follow-up questionnaires and invitations sent to them,
/// filled in on the phone; their visits (to name in a complaint) and their survey preferences.</summary>
public static class SurveysApi
{
    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/followup").WithTags("问卷与随访").RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("/patients/{patientId:guid}/surveys", List).WithName("MySurveys").WithSummary("就诊人收到的问卷（待填写在前）");
        api.MapGet("/surveys/{id:guid}", Get).WithName("GetSurvey").WithSummary("问卷题目与已保存的回答");
        api.MapPut("/surveys/{id:guid}/answers", Save).WithName("SaveSurveyAnswers").WithSummary("保存回答（submit=true 为提交）");
        api.MapGet("/surveys/{id:guid}/fhir", GetFhir).WithName("GetSurveyFhir").WithSummary("FHIR QuestionnaireResponse");
        api.MapGet("/patients/{patientId:guid}/visits", Visits).WithName("MyVisits").WithSummary("近期就诊（投诉时选择）");
        api.MapGet("/patients/{patientId:guid}/preferences", Preferences).WithName("GetSurveyPreferences").WithSummary("问卷偏好");
        api.MapPut("/patients/{patientId:guid}/preferences", SetPreferences).WithName("SetSurveyPreferences").WithSummary("退订问卷 / 研究招募同意");
        return app;
    }

    public static async Task<Ok<List<SurveySummaryDto>>> List(Guid patientId, ClaimsPrincipal user, PatientAccess access, FollowUpDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(user, patientId, ct);
        var rows = await (from r in db.Responses.AsNoTracking()
                          join q in db.Questionnaires.AsNoTracking() on r.QuestionnaireId equals q.Id
                          where r.PatientId == patientId && r.SentAt != null && r.Status != SurveyStatus.Skipped
                          orderby r.Status == SurveyStatus.Completed, r.SentAt descending
                          select new { r, q }).Take(100).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(x => new SurveySummaryDto(x.r.Id, x.q.Id, x.q.Title, x.q.Purpose, QuestionnairePurpose.TextOf(x.q.Purpose),
            x.r.Reason, x.r.DepartmentName, x.r.PlanDay, x.r.Status, x.r.SentAt, x.r.CompletedAt, x.r.Answers.Count, x.q.Items.Count)).ToList());
    }

    private static async Task<(SurveyResponse, Questionnaire)> LoadAsync(Guid id, ClaimsPrincipal user, PatientAccess access, FollowUpDbContext db, CancellationToken ct)
    {
        var r = await db.Responses.SingleOrDefaultAsync(x => x.Id == id && x.SentAt != null, ct);
        r = await access.RequireOwnAsync(user, r, x => x.PatientId, "问卷", ct);
        var q = await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(x => x.Id == r.QuestionnaireId, ct) ?? throw ProblemException.NotFound("问卷");
        return (r, q);
    }

    public static async Task<Ok<SurveyDto>> Get(Guid id, ClaimsPrincipal user, PatientAccess access, FollowUpDbContext db, CancellationToken ct)
    {
        var (r, q) = await LoadAsync(id, user, access, db, ct);
        return TypedResults.Ok(SurveyDto.From(r, q));
    }

    public static async Task<Ok<SurveyDto>> Save(Guid id, AnswersRequest request, ClaimsPrincipal user, PatientAccess access, FollowUpDbContext db,
        Surveys surveys, CancellationToken ct)
    {
        var (r, q) = await LoadAsync(id, user, access, db, ct);
        await surveys.SaveAsync(r, q, request, ct);
        return TypedResults.Ok(SurveyDto.From(r, q));
    }

    public static async Task<Ok<JsonObject>> GetFhir(Guid id, ClaimsPrincipal user, PatientAccess access, FollowUpDbContext db, CancellationToken ct)
    {
        var (r, _) = await LoadAsync(id, user, access, db, ct);
        return TypedResults.Ok(Fhir.Response(r));
    }

    public static async Task<Ok<List<VisitDto>>> Visits(Guid patientId, ClaimsPrincipal user, PatientAccess access, FollowUpDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(user, patientId, ct);
        var visits = await db.Visits.AsNoTracking().Where(v => v.PatientId == patientId).OrderByDescending(v => v.At).Take(20).ToListAsync(ct);
        return TypedResults.Ok(visits.Select(VisitDto.From).ToList());
    }

    public static async Task<Ok<PreferenceDto>> Preferences(Guid patientId, ClaimsPrincipal user, PatientAccess access, FollowUpDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(user, patientId, ct);
        var p = await db.Preferences.AsNoTracking().SingleOrDefaultAsync(x => x.PatientId == patientId, ct);
        return TypedResults.Ok(new PreferenceDto(p?.SurveysOptedOut ?? false, p?.RecruitmentConsent ?? false));
    }

    public static async Task<Ok<PreferenceDto>> SetPreferences(Guid patientId, PreferenceDto request, ClaimsPrincipal user, PatientAccess access,
        FollowUpDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await access.RequireAsync(user, patientId, ct);
        var p = await db.Preferences.SingleOrDefaultAsync(x => x.PatientId == patientId, ct);
        if (p is null) db.Preferences.Add(p = new SurveyPreference { PatientId = patientId });
        p.SurveysOptedOut = request.SurveysOptedOut;
        p.RecruitmentConsent = request.RecruitmentConsent;
        p.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new PreferenceDto(p.SurveysOptedOut, p.RecruitmentConsent));
    }
}
