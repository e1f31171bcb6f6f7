using System.Text.Json.Nodes;
using FollowUp.API.Application;
using FollowUp.API.Domain;
using FollowUp.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace FollowUp.API.Apis;

public sealed record QuestionnaireRequest(string? Title, string? Description, string? Purpose, string? DepartmentName, List<QuestionItem>? Items, bool? Active);

/// <summary>The questionnaire builder of the admin console; each questionnaire is also readable as FHIR.</summary>
public static class StaffQuestionnairesApi
{
    public static IEndpointRouteBuilder MapStaffQuestionnairesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/followup/admin/questionnaires").WithTags("问卷管理").RequireAuthorization(PlatformRoles.Staff);
        api.MapGet("/", List).WithName("Questionnaires").WithSummary("问卷列表");
        api.MapGet("/{id:guid}", Get).WithName("Questionnaire").WithSummary("问卷");
        api.MapGet("/{id:guid}/fhir", GetFhir).WithName("QuestionnaireFhir").WithSummary("FHIR Questionnaire");
        api.MapPost("/", Create).WithName("CreateQuestionnaire").WithSummary("新建问卷");
        api.MapPut("/{id:guid}", Update).WithName("UpdateQuestionnaire").WithSummary("修改问卷");
        return app;
    }

    public static async Task<Ok<List<Questionnaire>>> List(FollowUpDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Questionnaires.AsNoTracking().OrderByDescending(q => q.UpdatedAt).ToListAsync(ct));

    private static async Task<Questionnaire> FindAsync(FollowUpDbContext db, Guid id, CancellationToken ct) =>
        await db.Questionnaires.SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw ProblemException.NotFound("问卷");

    public static async Task<Ok<Questionnaire>> Get(Guid id, FollowUpDbContext db, CancellationToken ct) => TypedResults.Ok(await FindAsync(db, id, ct));

    public static async Task<Ok<JsonObject>> GetFhir(Guid id, FollowUpDbContext db, CancellationToken ct) =>
        TypedResults.Ok(Fhir.Questionnaire(await FindAsync(db, id, ct)));

    private static void Apply(Questionnaire q, QuestionnaireRequest r)
    {
        AnswerRules.ValidateDefinition(r.Title, r.Purpose, r.Items);
        q.Title = r.Title!.Trim();
        q.Description = Invalid.Text(r.Description, "description", 500, "说明", required: false);
        q.Purpose = r.Purpose!;
        q.DepartmentName = Invalid.Text(r.DepartmentName, "departmentName", 50, "科室", required: false);
        q.Items = r.Items!;
        q.Active = r.Active ?? true;
    }

    public static async Task<Ok<Questionnaire>> Create(QuestionnaireRequest request, FollowUpDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var q = new Questionnaire { Title = "", Purpose = "", CreatedAt = now, UpdatedAt = now };
        Apply(q, request);
        db.Questionnaires.Add(q);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(q);
    }

    /// <summary>Questions already answered keep their link ids: removing one would orphan the answers given to it.</summary>
    public static async Task<Ok<Questionnaire>> Update(Guid id, QuestionnaireRequest request, FollowUpDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var q = await FindAsync(db, id, ct);
        var answered = await db.Responses.AnyAsync(r => r.QuestionnaireId == id && (r.Status == SurveyStatus.InProgress || r.Status == SurveyStatus.Completed), ct);
        if (answered && request.Items is not null && q.Items.Any(old => request.Items.All(n => n.LinkId != old.LinkId)))
            throw ProblemException.Conflict("questionnaire_answered", "问卷已有患者作答，不能删除已有问题（可停用后新建）");
        Apply(q, request);
        q.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(q);
    }
}
