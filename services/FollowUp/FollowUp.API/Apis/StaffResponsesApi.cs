using System.Security.Claims;
using FollowUp.API.Domain;
using FollowUp.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace FollowUp.API.Apis;

/// <summary>The care team reads a patient's answers (from an out-of-range alert, or the patient's history); answers are
/// medical data, so every read leaves an audit row.</summary>
public static class StaffResponsesApi
{
    public static IEndpointRouteBuilder MapStaffResponsesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/followup/admin").WithTags("随访答卷").RequireAuthorization(PlatformRoles.Staff);
        api.MapGet("/responses/{id:guid}", Get).WithName("StaffResponse").WithSummary("一份答卷（留存查阅记录）");
        api.MapGet("/patients/{patientId:guid}/responses", ForPatient).WithName("StaffPatientResponses").WithSummary("患者的全部答卷（留存查阅记录）");
        return app;
    }

    private static string Actor(ClaimsPrincipal user) => user.FindFirst(PlatformClaims.Subject)?.Value ?? "staff";

    private static void Audit(FollowUpDbContext db, ClaimsPrincipal user, Guid patientId, string what, TimeProvider clock) =>
        db.Audits.Add(new ReadAudit { Actor = Actor(user), PatientId = patientId, What = what, At = clock.GetUtcNow() });

    public static async Task<Ok<SurveyDto>> Get(Guid id, ClaimsPrincipal user, FollowUpDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var r = await db.Responses.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.SentAt != null, ct) ?? throw ProblemException.NotFound("答卷");
        var q = await db.Questionnaires.AsNoTracking().SingleAsync(x => x.Id == r.QuestionnaireId, ct);
        Audit(db, user, r.PatientId, $"response:{id}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SurveyDto.From(r, q));
    }

    public static async Task<Ok<List<SurveyDto>>> ForPatient(Guid patientId, ClaimsPrincipal user, FollowUpDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var rows = await (from r in db.Responses.AsNoTracking()
                          join q in db.Questionnaires.AsNoTracking() on r.QuestionnaireId equals q.Id
                          where r.PatientId == patientId && r.SentAt != null && r.Status != SurveyStatus.Skipped
                          orderby r.SentAt descending
                          select new { r, q }).Take(100).ToListAsync(ct);
        Audit(db, user, patientId, "responses", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(rows.Select(x => SurveyDto.From(x.r, x.q)).ToList());
    }
}
