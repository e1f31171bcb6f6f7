using FollowUp.API.Domain;
using FollowUp.API.Extensions;
using FollowUp.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.FollowUp;
using Platform.Contracts.Staff;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Problems;

namespace FollowUp.API.Application;

public sealed record NewComplaint(string? Kind, string? Category, string? DepartmentName, string? VisitRef, string? Text, List<string>? Photos);

/// <summary>A complaint's life: submitted and routed at once to the department the rules name (staff alerted by app
/// message and SMS), acknowledged, answered (the patient hears by app message and SMS), answered back, rated, closed.</summary>
public sealed class Complaints(
    FollowUpDbContext db, IIntegrationEventOutbox outbox, StaffAlerts alerts, StaffSmsSignal smsSignal, TimeProvider clock, IOptions<FollowUpOptions> options)
{
    public async Task<Complaint> SubmitAsync(Guid accountId, Guid patientId, NewComplaint request, CancellationToken ct)
    {
        var kind = request.Kind ?? ComplaintKind.Complaint;
        if (!ComplaintKind.All.Contains(kind)) throw Invalid.Field("kind", "请选择投诉或建议");
        if (request.Category is null || !ComplaintCategory.All.Contains(request.Category)) throw Invalid.Field("category", "请选择问题类别");
        var text = Invalid.Text(request.Text, "text", 2000, "具体内容")!;
        var department = Invalid.Text(request.DepartmentName, "departmentName", 50, "科室", required: false);
        var visitRef = Invalid.Text(request.VisitRef, "visitRef", 100, "就诊记录", required: false);
        if (visitRef is not null && !await db.Visits.AnyAsync(v => v.SourceRef == visitRef && v.PatientId == patientId, ct))
            throw Invalid.Field("visitRef", "所选就诊记录不存在");
        var photos = CheckPhotos(request.Photos ?? []);
        var now = clock.GetUtcNow();
        var complaint = new Complaint
        {
            PatientId = patientId, AccountId = accountId, Kind = kind, Category = request.Category, DepartmentName = department,
            VisitRef = visitRef, Text = text, CreatedAt = now, UpdatedAt = now,
        };
        complaint.Photos.AddRange(photos.Select(p => new ComplaintPhoto { ComplaintId = complaint.Id, ContentType = p.Type, Content = p.Bytes, Size = p.Bytes.Length }));
        db.Complaints.Add(complaint);
        await RouteAsync(complaint, now, ct);
        await db.SaveChangesAsync(ct);
        smsSignal.Nudge();
        return complaint;
    }

    private List<(string Type, byte[] Bytes)> CheckPhotos(List<string> photos)
    {
        if (photos.Count > options.Value.PhotoMaxCount) throw Invalid.Field("photos", $"最多上传{options.Value.PhotoMaxCount}张照片");
        var result = new List<(string, byte[])>();
        foreach (var p in photos)
        {
            var bytes = Photos.Decode(p ?? "") ?? throw Invalid.Field("photos", "照片格式无效");
            if (bytes.Length > options.Value.PhotoMaxBytes) throw Invalid.Field("photos", $"每张照片不能超过{options.Value.PhotoMaxBytes / 1024.0 / 1024:0.#}MB");
            var type = Photos.SniffImageType(bytes) ?? throw Invalid.Field("photos", "只能上传 JPG、PNG 或 WebP 图片");
            result.Add((type, bytes));
        }
        return result;
    }

    private async Task RouteAsync(Complaint c, DateTimeOffset now, CancellationToken ct)
    {
        var rules = await db.RoutingRules.AsNoTracking().ToListAsync(ct);
        var rule = rules.Where(r => r.Matches(c.Category, c.DepartmentName)).OrderByDescending(r => r.Specificity).FirstOrDefault();
        c.HandlerGroup = rule?.HandlerGroup ?? options.Value.DefaultHandlerGroup;
        c.EscalationGroup = rule?.EscalationGroup;
        c.AcknowledgeBy = now + (rule is null ? options.Value.DefaultAcknowledgeWithin : TimeSpan.FromMinutes(rule.AcknowledgeWithinMinutes));
        c.Status = ComplaintStatus.Routed;
        await alerts.RaiseAsync(c.HandlerGroup, StaffAlertKind.ComplaintRouted, $"新{KindText(c.Kind)}：{c.Category}",
            $"{c.DepartmentName ?? "未指定科室"}，请于{Shanghai(c.AcknowledgeBy.Value)}前受理。{Excerpt(c.Text, 60)}", c.Id, null, ct);
        outbox.Add(new ComplaintStatusChangedIntegrationEvent(c.Id, c.PatientId, c.Status, $"您的{KindText(c.Kind)}已转交{c.HandlerGroup}处理"));
        InboxChanged(c);
    }

    /// <summary>Nobody acknowledged in time: the escalation group hears, and the complaint waits again, up to
    /// <see cref="FollowUpOptions.MaxEscalations"/> times (then it stays at the top of the inbox, marked overdue, without
    /// more SMS).</summary>
    public async Task EscalateAsync(Complaint c, DateTimeOffset now, CancellationToken ct)
    {
        c.EscalationLevel++;
        c.EscalatedAt = now;
        var group = c.EscalationGroup ?? c.HandlerGroup!;
        var waited = now - c.CreatedAt;
        c.AcknowledgeBy = c.EscalationLevel < options.Value.MaxEscalations ? now + options.Value.DefaultAcknowledgeWithin : null;
        c.UpdatedAt = now;
        await alerts.RaiseAsync(group, StaffAlertKind.ComplaintEscalated, $"{KindText(c.Kind)}超时未受理（第{c.EscalationLevel}次升级）",
            $"{c.HandlerGroup}收到的{c.Category}{KindText(c.Kind)}已等待{(int)waited.TotalMinutes}分钟无人受理。{Excerpt(c.Text, 60)}", c.Id, null, ct);
        InboxChanged(c);
    }

    public async Task<Complaint> AcknowledgeAsync(Guid id, string staff, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c.Status == ComplaintStatus.Routed)
        {
            c.Status = ComplaintStatus.Acknowledged;
            c.AcknowledgedBy = staff;
            c.AcknowledgedAt = c.UpdatedAt = clock.GetUtcNow();
            outbox.Add(new ComplaintStatusChangedIntegrationEvent(c.Id, c.PatientId, c.Status, $"{c.HandlerGroup}已受理您的{KindText(c.Kind)}"));
            InboxChanged(c);
            await db.SaveChangesAsync(ct);
        }
        return c;
    }

    public async Task<Complaint> ReplyAsync(Guid id, string staff, string? text, CancellationToken ct)
    {
        var reply = Invalid.Text(text, "text", 2000, "回复内容")!;
        var c = await LoadAsync(id, ct);
        if (c.Status == ComplaintStatus.Closed) throw ProblemException.Conflict("complaint_closed", "该投诉已办结，不能再回复");
        var now = clock.GetUtcNow();
        if (c.AcknowledgedAt is null) { c.AcknowledgedAt = now; c.AcknowledgedBy = staff; }
        c.Status = ComplaintStatus.Replied;
        c.RepliedAt = c.UpdatedAt = now;
        db.ComplaintMessages.Add(new ComplaintMessage { ComplaintId = c.Id, From = MessageFrom.Staff, Author = $"{c.HandlerGroup} {staff}", Text = reply, At = now });
        outbox.Add(new ComplaintRepliedIntegrationEvent(c.Id, c.PatientId, c.Kind, c.HandlerGroup ?? "", Excerpt(reply, 60)));
        InboxChanged(c);
        await db.SaveChangesAsync(ct);
        return await LoadAsync(id, ct);
    }

    public async Task<Complaint> PatientMessageAsync(Complaint c, string? text, CancellationToken ct)
    {
        var body = Invalid.Text(text, "text", 2000, "内容")!;
        if (c.Status == ComplaintStatus.Closed) throw ProblemException.Conflict("complaint_closed", "该投诉已办结，如有新问题请重新提交");
        var now = clock.GetUtcNow();
        db.ComplaintMessages.Add(new ComplaintMessage { ComplaintId = c.Id, From = MessageFrom.Patient, Author = "患者", Text = body, At = now });
        c.UpdatedAt = now;
        await alerts.RaiseAsync(c.HandlerGroup!, StaffAlertKind.PatientReplied, $"患者对{KindText(c.Kind)}有新回复", Excerpt(body, 80), c.Id, null, ct);
        InboxChanged(c);
        await db.SaveChangesAsync(ct);
        smsSignal.Nudge();
        return await LoadAsync(c.Id, ct);
    }

    public async Task<Complaint> RateAsync(Complaint c, int? rating, string? comment, CancellationToken ct)
    {
        if (c.RepliedAt is null) throw ProblemException.Conflict("not_replied", "医院回复后才能评价处理结果");
        if (c.Rating is not null) throw ProblemException.Conflict("already_rated", "您已评价过");
        if (rating is null or < 1 or > 5) throw Invalid.Field("rating", "请选择 1 到 5 星");
        c.Rating = rating;
        c.RatingComment = Invalid.Text(comment, "comment", 500, "评价", required: false);
        c.Status = ComplaintStatus.Closed;
        c.UpdatedAt = clock.GetUtcNow();
        outbox.Add(new ComplaintStatusChangedIntegrationEvent(c.Id, c.PatientId, c.Status, $"感谢您的评价，您的{KindText(c.Kind)}已办结"));
        InboxChanged(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>Open complaint inboxes re-read their list (saved with the change, through the outbox).</summary>
    private void InboxChanged(Complaint c) => outbox.Add(new StaffWorkChangedIntegrationEvent(StaffAreas.Complaints, c.Id));

    public async Task<Complaint> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Complaints.Include(c => c.Messages.OrderBy(m => m.At)).SingleOrDefaultAsync(c => c.Id == id, ct)
        ?? throw ProblemException.NotFound("投诉建议");

    public static string KindText(string kind) => kind == ComplaintKind.Suggestion ? "建议" : "投诉";

    public static string Excerpt(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string Shanghai(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, China).ToString("MM-dd HH:mm");
}
