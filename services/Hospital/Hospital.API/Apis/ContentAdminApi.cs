using System.Security.Claims;
using System.Text.Json;
using Hospital.API.Application.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;

namespace Hospital.API.Apis;

/// <summary>The staff publishing workflow for every registered content type.</summary>
public static class ContentAdminApi
{
    public static IEndpointRouteBuilder MapContentAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hospital/admin").WithTags("内容管理").RequireAuthorization(PlatformRoles.Staff);
        api.MapGet("/content-types", ListTypes).WithName("ListContentTypes").WithSummary("可编辑的内容类型");
        api.MapGet("/audit", Audit).WithName("ListContentAudit").WithSummary("内容修改审计记录");
        var content = api.MapGroup("/content/{type}");
        content.MapGet("/", List).WithName("ListContentItems").WithSummary("某类内容的条目与待审核版本");
        content.MapGet("/{key}", Get).WithName("GetContentItem").WithSummary("内容条目：已发布版本与未发布版本");
        content.MapGet("/{key}/audit", ItemAudit).WithName("GetContentItemAudit").WithSummary("条目的修改记录（字段级）");
        content.MapPost("/{key}/revisions", CreateDraft).WithName("CreateContentDraft").WithSummary("新建草稿");
        content.MapPut("/{key}/revisions/{number:int}", EditDraft).WithName("EditContentDraft").WithSummary("修改草稿");
        content.MapGet("/{key}/revisions/{number:int}/preview", Preview).WithName("PreviewContentRevision").WithSummary("以患者视角预览");
        content.MapPost("/{key}/revisions/{number:int}/submit", Submit).WithName("SubmitContentRevision").WithSummary("提交审核");
        content.MapPost("/{key}/revisions/{number:int}/withdraw", Withdraw).WithName("WithdrawContentRevision").WithSummary("撤回审核");
        content.MapPost("/{key}/revisions/{number:int}/publish", Publish).WithName("PublishContentRevision").WithSummary("审核通过并发布（须由另一位工作人员）");
        content.MapPost("/{key}/revisions/{number:int}/reject", Reject).WithName("RejectContentRevision").WithSummary("审核退回");
        content.MapPost("/{key}/revisions/{number:int}/discard", Discard).WithName("DiscardContentRevision").WithSummary("废弃草稿");
        return app;
    }

    public static Ok<List<ContentTypeView>> ListTypes(ContentTypeRegistry registry) =>
        TypedResults.Ok(registry.All.Select(t => new ContentTypeView(t.Slug, t.Label, t.FixedKeys, ContentSchema.For(t.DocumentType))).ToList());

    public static async Task<Ok<List<AuditEntryView>>> Audit(ContentWorkflow workflow, CancellationToken ct, int take = 100) =>
        TypedResults.Ok(await workflow.AuditAsync(null, null, take, ct));

    public static async Task<Ok<List<ContentItemSummary>>> List(string type, ContentWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(await workflow.ListAsync(type, ct));

    public static async Task<Ok<ContentItemView>> Get(string type, string key, ContentWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(await workflow.GetAsync(type, key, ct));

    public static async Task<Ok<List<AuditEntryView>>> ItemAudit(string type, string key, ContentWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(await workflow.AuditAsync(type, key, 200, ct));

    public static async Task<Created<RevisionView>> CreateDraft(string type, string key, DraftInput input, ClaimsPrincipal user,
        ContentWorkflow workflow, CancellationToken ct)
    {
        var revision = await workflow.CreateDraftAsync(type, key, input, StaffActor.From(user), ct);
        return TypedResults.Created($"/api/hospital/admin/content/{type}/{key}/revisions/{revision.Number}", revision);
    }

    public static async Task<Ok<RevisionView>> EditDraft(string type, string key, int number, DraftInput input, ClaimsPrincipal user,
        ContentWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(await workflow.EditDraftAsync(type, key, number, input, StaffActor.From(user), ct));

    public static async Task<Ok<JsonElement>> Preview(string type, string key, int number, ContentWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(await workflow.PreviewAsync(type, key, number, ct));

    public static async Task<Ok<RevisionView>> Submit(string type, string key, int number, RevisionAction action, ClaimsPrincipal user,
        ContentWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(await workflow.SubmitAsync(type, key, number, action, StaffActor.From(user), ct));

    public static async Task<Ok<RevisionView>> Withdraw(string type, string key, int number, RevisionAction action, ClaimsPrincipal user,
        ContentWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(await workflow.WithdrawAsync(type, key, number, action, StaffActor.From(user), ct));

    public static async Task<Ok<RevisionView>> Publish(string type, string key, int number, RevisionAction action, ClaimsPrincipal user,
        ContentWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(await workflow.PublishAsync(type, key, number, action, StaffActor.From(user), ct));

    public static async Task<Ok<RevisionView>> Reject(string type, string key, int number, RevisionAction action, ClaimsPrincipal user,
        ContentWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(await workflow.RejectAsync(type, key, number, action, StaffActor.From(user), ct));

    public static async Task<Ok<RevisionView>> Discard(string type, string key, int number, RevisionAction action, ClaimsPrincipal user,
        ContentWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(await workflow.DiscardAsync(type, key, number, action, StaffActor.From(user), ct));
}
