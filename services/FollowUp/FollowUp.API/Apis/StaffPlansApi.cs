using FollowUp.API.Application;
using FollowUp.API.Domain;
using FollowUp.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace FollowUp.API.Apis;

public sealed record PlanTemplateRequest(string? Name, string? Trigger, string? DepartmentName, string? CareTeamGroup, List<PlanStep>? Steps, bool? Enabled);

public sealed record TargetingRuleRequest(string? Trigger, string? DepartmentName, Guid? QuestionnaireId, int? DelayHours, bool? Enabled,
    List<string>? ConditionTerms = null);

public sealed record StartPlanRequest(Guid? PatientId, Guid? TemplateId, DateTimeOffset? StartAt);

/// <summary>Follow-up plan templates (questionnaires on day N after a discharge or visit) and targeting rules (which
/// survey or recruitment follows which kind of visit), and starting a plan for one patient by hand.</summary>
public static class StaffPlansApi
{
    public static IEndpointRouteBuilder MapStaffPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/followup/admin").WithTags("随访计划与推送规则").RequireAuthorization(PlatformRoles.Staff);
        api.MapGet("/plan-templates", Templates).WithName("PlanTemplates").WithSummary("随访计划模板");
        api.MapPost("/plan-templates", CreateTemplate).WithName("CreatePlanTemplate").WithSummary("新建随访计划模板");
        api.MapPut("/plan-templates/{id:guid}", UpdateTemplate).WithName("UpdatePlanTemplate").WithSummary("修改随访计划模板");
        api.MapPost("/plans", StartPlan).WithName("StartPlan").WithSummary("为患者启动随访计划");
        api.MapGet("/targeting-rules", Rules).WithName("TargetingRules").WithSummary("问卷与招募推送规则");
        api.MapPost("/targeting-rules", CreateRule).WithName("CreateTargetingRule").WithSummary("新建推送规则");
        api.MapPut("/targeting-rules/{id:guid}", UpdateRule).WithName("UpdateTargetingRule").WithSummary("修改推送规则");
        return app;
    }

    public static async Task<Ok<List<PlanTemplate>>> Templates(FollowUpDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.PlanTemplates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct));

    private static async Task ApplyAsync(PlanTemplate t, PlanTemplateRequest r, FollowUpDbContext db, CancellationToken ct)
    {
        t.Name = Invalid.Text(r.Name, "name", 100, "计划名称")!;
        if (r.Trigger is null || !Trigger.All.Contains(r.Trigger)) throw Invalid.Field("trigger", "请选择触发时机（就诊、出院或检查检验后）");
        t.Trigger = r.Trigger;
        t.DepartmentName = Invalid.Text(r.DepartmentName, "departmentName", 50, "科室", required: false);
        t.CareTeamGroup = Invalid.Text(r.CareTeamGroup, "careTeamGroup", 50, "随访团队")!;
        var steps = r.Steps ?? [];
        if (steps.Count is 0 or > 20) throw Invalid.Field("steps", "请设置 1 到 20 个随访节点");
        if (steps.Any(s => s.Day is < 0 or > 3650)) throw Invalid.Field("steps", "随访天数应在 0 到 3650 之间");
        if (steps.Select(s => s.Day).Distinct().Count() != steps.Count) throw Invalid.Field("steps", "随访天数不能重复");
        var ids = steps.Select(s => s.QuestionnaireId).Distinct().ToList();
        if (await db.Questionnaires.CountAsync(q => ids.Contains(q.Id), ct) != ids.Count) throw Invalid.Field("steps", "随访问卷不存在");
        t.Steps = steps.OrderBy(s => s.Day).ToList();
        t.Enabled = r.Enabled ?? true;
    }

    public static async Task<Ok<PlanTemplate>> CreateTemplate(PlanTemplateRequest request, FollowUpDbContext db, CancellationToken ct)
    {
        var t = new PlanTemplate { Name = "", Trigger = "", CareTeamGroup = "" };
        await ApplyAsync(t, request, db, ct);
        db.PlanTemplates.Add(t);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(t);
    }

    public static async Task<Ok<PlanTemplate>> UpdateTemplate(Guid id, PlanTemplateRequest request, FollowUpDbContext db, CancellationToken ct)
    {
        var t = await db.PlanTemplates.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw ProblemException.NotFound("随访计划模板");
        await ApplyAsync(t, request, db, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(t);
    }

    public static async Task<Ok<FollowUpPlan>> StartPlan(StartPlanRequest request, FollowUpDbContext db, Plans plans, FollowUpSignal signal,
        TimeProvider clock, CancellationToken ct)
    {
        if (request.PatientId is not { } patientId || patientId == Guid.Empty) throw Invalid.Field("patientId", "请选择患者");
        var t = await db.PlanTemplates.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.TemplateId, ct) ?? throw Invalid.Field("templateId", "随访计划模板不存在");
        var start = request.StartAt ?? clock.GetUtcNow();
        var plan = await plans.StartAsync(t, patientId, $"manual:{start:O}", start, ct)
            ?? throw ProblemException.Conflict("plan_started", "该患者的随访计划已启动");
        await db.SaveChangesAsync(ct);
        signal.Nudge();
        return TypedResults.Ok(plan);
    }

    public static async Task<Ok<List<TargetingRule>>> Rules(FollowUpDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.TargetingRules.AsNoTracking().OrderBy(r => r.Trigger).ThenBy(r => r.DepartmentName).ToListAsync(ct));

    private static async Task ApplyAsync(TargetingRule rule, TargetingRuleRequest r, FollowUpDbContext db, CancellationToken ct)
    {
        if (r.Trigger is null || !Trigger.All.Contains(r.Trigger)) throw Invalid.Field("trigger", "请选择触发时机（就诊、出院或检查检验后）");
        var questionnaire = r.QuestionnaireId is { } id ? await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct) : null;
        if (questionnaire is null) throw Invalid.Field("questionnaireId", "问卷不存在");
        var terms = (r.ConditionTerms ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (terms.Count > 20 || terms.Any(t => t.Length > 30)) throw Invalid.Field("conditionTerms", "疾病条件最多 20 个，每个不超过 30 个字");
        if (questionnaire.Purpose == QuestionnairePurpose.Recruitment && terms.Count == 0)
            throw Invalid.Field("conditionTerms", "临床研究招募须指定疾病条件（ICD-10 编码前缀如 E11，或诊断关键词如 糖尿病）");
        if (r.DelayHours is < 0 or > 24 * 30) throw Invalid.Field("delayHours", "延迟时间应在 0 到 720 小时之间");
        rule.Trigger = r.Trigger;
        rule.DepartmentName = Invalid.Text(r.DepartmentName, "departmentName", 50, "科室", required: false);
        rule.QuestionnaireId = questionnaire.Id;
        rule.ConditionTerms = terms;
        rule.DelayHours = r.DelayHours ?? 2;
        rule.Enabled = r.Enabled ?? true;
    }

    public static async Task<Ok<TargetingRule>> CreateRule(TargetingRuleRequest request, FollowUpDbContext db, CancellationToken ct)
    {
        var rule = new TargetingRule { Trigger = "" };
        await ApplyAsync(rule, request, db, ct);
        db.TargetingRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(rule);
    }

    public static async Task<Ok<TargetingRule>> UpdateRule(Guid id, TargetingRuleRequest request, FollowUpDbContext db, CancellationToken ct)
    {
        var rule = await db.TargetingRules.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw ProblemException.NotFound("推送规则");
        await ApplyAsync(rule, request, db, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(rule);
    }
}
