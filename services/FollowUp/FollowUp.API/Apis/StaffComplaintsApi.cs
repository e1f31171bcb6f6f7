using System.Security.Claims;
using FollowUp.API.Application;
using FollowUp.API.Domain;
using FollowUp.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Security.Encryption;
using Platform.Security.Masking;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace FollowUp.API.Apis;

public sealed record RoutingRuleRequest(string? Category, string? DepartmentName, string? HandlerGroup, int? AcknowledgeWithinMinutes, string? EscalationGroup);

public sealed record ContactRequest(string? Group, string? Name, string? Phone);

public sealed record ContactDto(Guid Id, string Group, string Name, string Phone);

public sealed record StaffAlertDto(Guid Id, string Group, string Kind, string Title, string Body, Guid? ComplaintId, Guid? ResponseId,
    Guid? PatientId, DateTimeOffset CreatedAt, int SmsSent, int SmsTotal);

/// <summary>The admin console's complaint desk: the inbox with reply, acknowledgement, routing rules and escalation
/// times, the staff contacts that receive alerts, and the alerts themselves (the staff's app messages). A staff account
/// sees and answers only the complaints routed to its departments (<see cref="StaffScope"/>); another department's
/// complaint is "not found". Where complaints go and who is texted is the complaints office's to change: a department
/// that could reroute complaints could read other departments' ones.</summary>
public static class StaffComplaintsApi
{
    public static IEndpointRouteBuilder MapStaffComplaintsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/followup/admin").WithTags("投诉管理").RequireAuthorization(PlatformRoles.Staff);
        api.MapGet("/complaints", List).WithName("StaffComplaints").WithSummary("投诉建议收件箱（status、group 过滤）");
        api.MapGet("/complaints/{id:guid}", Get).WithName("StaffComplaint").WithSummary("投诉详情");
        api.MapGet("/complaints/{id:guid}/photos/{photoId:guid}", Photo).WithName("StaffComplaintPhoto").WithSummary("投诉照片");
        api.MapPost("/complaints/{id:guid}/acknowledge", Acknowledge).WithName("AcknowledgeComplaint").WithSummary("受理");
        api.MapPost("/complaints/{id:guid}/reply", Reply).WithName("ReplyComplaint").WithSummary("回复患者（短信与消息通知）");
        api.MapGet("/routing-rules", Rules).WithName("RoutingRules").WithSummary("分派规则与受理时限");
        api.MapPost("/routing-rules", AddRule).WithName("AddRoutingRule").WithSummary("新增分派规则");
        api.MapPut("/routing-rules/{id:guid}", UpdateRule).WithName("UpdateRoutingRule").WithSummary("修改分派规则");
        api.MapDelete("/routing-rules/{id:guid}", DeleteRule).WithName("DeleteRoutingRule").WithSummary("删除分派规则");
        api.MapGet("/contacts", Contacts).WithName("StaffContacts").WithSummary("接收提醒的工作人员（手机号脱敏）");
        api.MapPost("/contacts", AddContact).WithName("AddStaffContact").WithSummary("新增接收提醒的工作人员");
        api.MapDelete("/contacts/{id:guid}", DeleteContact).WithName("DeleteStaffContact").WithSummary("删除接收提醒的工作人员");
        api.MapGet("/alerts", Alerts).WithName("StaffAlerts").WithSummary("工作人员消息（分派、升级、随访异常）");
        return app;
    }

    private static string StaffName(ClaimsPrincipal user) => user.FindFirst(PlatformClaims.Name)?.Value ?? "工作人员";

    /// <summary>Only the complaints routed to the caller's departments; the complaints office may also look at all of them
    /// (no group) or at one department's.</summary>
    public static async Task<Ok<List<ComplaintSummaryDto>>> List(string? status, string? group, ClaimsPrincipal user, StaffScope scope,
        CancellationToken ct)
    {
        var q = scope.Complaints(await scope.OfAsync(user, ct)).AsNoTracking();
        if (!string.IsNullOrEmpty(status)) q = q.Where(c => c.Status == status);
        if (!string.IsNullOrEmpty(group)) q = q.Where(c => c.HandlerGroup == group || c.EscalationGroup == group);
        var list = await q.OrderBy(c => c.Status == ComplaintStatus.Closed).ThenBy(c => c.Status == ComplaintStatus.Replied)
            .ThenByDescending(c => c.CreatedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ComplaintSummaryDto.From).ToList());
    }

    public static async Task<Ok<ComplaintDto>> Get(Guid id, ClaimsPrincipal user, StaffScope scope, Complaints complaints, FollowUpDbContext db,
        CancellationToken ct)
    {
        await scope.EnsureSeesAsync(user, id, ct);
        return TypedResults.Ok(ComplaintDto.From(await complaints.LoadAsync(id, ct), await ComplaintsApi.PhotoIdsAsync(db, id, ct)));
    }

    public static async Task<FileContentHttpResult> Photo(Guid id, Guid photoId, ClaimsPrincipal user, StaffScope scope, FollowUpDbContext db,
        CancellationToken ct)
    {
        await scope.EnsureSeesAsync(user, id, ct);
        return await ComplaintsApi.PhotoFileAsync(db, id, photoId, ct);
    }

    public static async Task<Ok<ComplaintDto>> Acknowledge(Guid id, ClaimsPrincipal user, StaffScope scope, Complaints complaints,
        FollowUpDbContext db, CancellationToken ct)
    {
        await scope.EnsureSeesAsync(user, id, ct);
        return TypedResults.Ok(ComplaintDto.From(await complaints.AcknowledgeAsync(id, StaffName(user), ct), await ComplaintsApi.PhotoIdsAsync(db, id, ct)));
    }

    public static async Task<Ok<ComplaintDto>> Reply(Guid id, TextRequest request, ClaimsPrincipal user, StaffScope scope, Complaints complaints,
        FollowUpDbContext db, CancellationToken ct)
    {
        await scope.EnsureSeesAsync(user, id, ct);
        return TypedResults.Ok(ComplaintDto.From(await complaints.ReplyAsync(id, StaffName(user), request.Text, ct), await ComplaintsApi.PhotoIdsAsync(db, id, ct)));
    }

    public static async Task<Ok<List<RoutingRule>>> Rules(FollowUpDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.RoutingRules.AsNoTracking().OrderBy(r => r.HandlerGroup).ToListAsync(ct));

    private static void Apply(RoutingRule r, RoutingRuleRequest request)
    {
        if (request.Category is { Length: > 0 } c && !ComplaintCategory.All.Contains(c)) throw Invalid.Field("category", "问题类别无效");
        r.Category = string.IsNullOrEmpty(request.Category) ? null : request.Category;
        r.DepartmentName = Invalid.Text(request.DepartmentName, "departmentName", 50, "科室", required: false);
        r.HandlerGroup = Invalid.Text(request.HandlerGroup, "handlerGroup", 50, "处理部门")!;
        if (request.AcknowledgeWithinMinutes is null or < 1 or > 7 * 24 * 60) throw Invalid.Field("acknowledgeWithinMinutes", "受理时限应在 1 分钟到 7 天之间");
        r.AcknowledgeWithinMinutes = request.AcknowledgeWithinMinutes.Value;
        r.EscalationGroup = Invalid.Text(request.EscalationGroup, "escalationGroup", 50, "升级部门", required: false);
    }

    public static async Task<Ok<RoutingRule>> AddRule(RoutingRuleRequest request, ClaimsPrincipal user, StaffScope scope, FollowUpDbContext db,
        CancellationToken ct)
    {
        await scope.EnsureOfficeAsync(user, ct);
        var rule = new RoutingRule { HandlerGroup = "" };
        Apply(rule, request);
        db.RoutingRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(rule);
    }

    public static async Task<Ok<RoutingRule>> UpdateRule(Guid id, RoutingRuleRequest request, ClaimsPrincipal user, StaffScope scope,
        FollowUpDbContext db, CancellationToken ct)
    {
        await scope.EnsureOfficeAsync(user, ct);
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw ProblemException.NotFound("分派规则");
        Apply(rule, request);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(rule);
    }

    public static async Task<NoContent> DeleteRule(Guid id, ClaimsPrincipal user, StaffScope scope, FollowUpDbContext db, CancellationToken ct)
    {
        await scope.EnsureOfficeAsync(user, ct);
        if (await db.RoutingRules.Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 0) throw ProblemException.NotFound("分派规则");
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<ContactDto>>> Contacts(FollowUpDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Contacts.AsNoTracking().OrderBy(c => c.Group).ThenBy(c => c.Name)
            .Select(c => new ContactDto(c.Id, c.Group, c.Name, c.PhoneMasked)).ToListAsync(ct));

    public static async Task<Ok<ContactDto>> AddContact(ContactRequest request, ClaimsPrincipal user, StaffScope scope, FollowUpDbContext db,
        IFieldEncryptor encryptor, CancellationToken ct)
    {
        await scope.EnsureOfficeAsync(user, ct);
        var group = Invalid.Text(request.Group, "group", 50, "部门或小组")!;
        var name = Invalid.Text(request.Name, "name", 30, "姓名")!;
        var phone = request.Phone?.Trim() ?? "";
        if (phone.Length != 11 || !phone.StartsWith('1') || !phone.All(char.IsAsciiDigit)) throw Invalid.Field("phone", "请输入11位手机号");
        var contact = new StaffContact
        {
            Group = group, Name = name, PhoneEncrypted = encryptor.Encrypt(phone, StaffSmsWorker.PhoneContext), PhoneMasked = Mask.Phone(phone),
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ContactDto(contact.Id, contact.Group, contact.Name, contact.PhoneMasked));
    }

    public static async Task<NoContent> DeleteContact(Guid id, ClaimsPrincipal user, StaffScope scope, FollowUpDbContext db, CancellationToken ct)
    {
        await scope.EnsureOfficeAsync(user, ct);
        if (await db.Contacts.Where(c => c.Id == id).ExecuteDeleteAsync(ct) == 0) throw ProblemException.NotFound("工作人员");
        return TypedResults.NoContent();
    }

    /// <summary>The alerts of the caller's departments (all of them for the complaints office): an alert about a complaint
    /// says what it is about, so it is as confidential as the complaint.</summary>
    public static async Task<Ok<List<StaffAlertDto>>> Alerts(string? group, ClaimsPrincipal user, StaffScope scope, FollowUpDbContext db,
        CancellationToken ct)
    {
        var staff = await scope.OfAsync(user, ct);
        var departments = staff.Departments;
        var q = db.Alerts.AsNoTracking();
        if (!staff.ComplaintsOffice) q = q.Where(a => departments.Contains(a.Group));
        if (!string.IsNullOrEmpty(group)) q = q.Where(a => a.Group == group);
        var list = await q.OrderByDescending(a => a.CreatedAt).Take(100)
            .Select(a => new StaffAlertDto(a.Id, a.Group, a.Kind, a.Title, a.Body, a.ComplaintId, a.ResponseId, a.PatientId, a.CreatedAt,
                a.Sms.Count(s => s.Status == "sent"), a.Sms.Count)).ToListAsync(ct);
        return TypedResults.Ok(list);
    }
}
