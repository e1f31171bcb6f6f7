using System.Security.Claims;
using Convenience.API.Application;
using Convenience.API.Domain;
using Convenience.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Convenience.API.Apis;

public sealed record ImportRequest(IReadOnlyList<ReadingInput>? Readings);

public sealed record ReminderInput(string? Time, bool? Active);

public sealed record ChronicSummaryDto(IReadOnlyList<ThresholdDto> Thresholds, IReadOnlyList<ReminderDto> Reminders, IReadOnlyList<ReadingDto> Latest);

public sealed record AcknowledgeRequest(string? Note);

/// <summary>慢病管理 (X16): patients record and import readings, read their trends and set reminders; the care team sets
/// thresholds per patient and works the alerts.</summary>
public static class ChronicApi
{
    public static IEndpointRouteBuilder MapChronicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/convenience/patients/{patientId:guid}/chronic").WithTags("慢病管理").RequireAuthorization(PlatformRoles.Patient);
        api.MapGet("", Summary).WithName("ChronicSummary").WithSummary("医护设定的范围、提醒与各项最近一次测量");
        api.MapPost("/readings", Record).WithName("RecordReading").WithSummary("记录一次血压、血糖或体重");
        api.MapPost("/readings/import", Import).WithName("ImportReadings").WithSummary("导入设备测量记录（最多500条，任一条有误则全部不导入）");
        api.MapGet("/readings", Readings).WithName("Readings").WithSummary("测量记录（kind=类型，days=天数，按时间升序，供趋势图）");
        api.MapPut("/reminders/{kind}", SetReminder).WithName("SetReminder").WithSummary("每日测量提醒");

        var staff = app.MapGroup("/api/convenience/staff/chronic").WithTags("慢病管理（医护）").RequireAuthorization(PlatformRoles.Staff);
        staff.MapGet("/alerts", Alerts).WithName("ChronicAlerts").WithSummary("超范围提醒（open=true 为未处理）");
        staff.MapPost("/alerts/{id:guid}/acknowledge", Acknowledge).WithName("AcknowledgeAlert").WithSummary("处理超范围提醒并记录处理意见");
        staff.MapGet("/patients/{patientId:guid}", Patient).WithName("StaffChronicPatient").WithSummary("患者的范围设置与测量记录（留痕）");
        staff.MapPut("/patients/{patientId:guid}/thresholds/{kind}", SetThreshold).WithName("SetThreshold").WithSummary("设置患者某项测量的正常范围");
        return app;
    }

    public static async Task<Ok<ChronicSummaryDto>> Summary(Guid patientId, ClaimsPrincipal user, Access access, ConvenienceDbContext db,
        CancellationToken ct)
    {
        await access.RequireActsForAsync(user, patientId, "chronic:summary", ct);
        var summary = await SummaryOf(db, patientId, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(summary);
    }

    private static async Task<ChronicSummaryDto> SummaryOf(ConvenienceDbContext db, Guid patientId, CancellationToken ct)
    {
        var thresholds = await db.Thresholds.AsNoTracking().Where(t => t.PatientId == patientId).ToListAsync(ct);
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.PatientId == patientId).ToListAsync(ct);
        var latest = new List<ReadingDto>();
        foreach (var kind in ReadingKinds.All)
            if (await db.Readings.AsNoTracking().Where(r => r.PatientId == patientId && r.Kind == kind).OrderByDescending(r => r.MeasuredAt)
                    .FirstOrDefaultAsync(ct) is { } r)
                latest.Add(ReadingDto.From(r));
        return new ChronicSummaryDto(thresholds.Select(ThresholdDto.From).ToList(), reminders.Select(ReminderDto.From).ToList(), latest);
    }

    public static async Task<Ok<ReadingDto>> Record(Guid patientId, ReadingInput input, ClaimsPrincipal user, Access access, ChronicCare chronic,
        CancellationToken ct)
    {
        var account = await access.RequireActsForAsync(user, patientId, "chronic:record", ct);
        return TypedResults.Ok(ReadingDto.From((await chronic.RecordAsync(account, patientId, [input], "manual", ct))[0]));
    }

    public static async Task<Ok<List<ReadingDto>>> Import(Guid patientId, ImportRequest input, ClaimsPrincipal user, Access access, ChronicCare chronic,
        CancellationToken ct)
    {
        var account = await access.RequireActsForAsync(user, patientId, "chronic:import", ct);
        return TypedResults.Ok((await chronic.RecordAsync(account, patientId, input.Readings ?? [], "imported", ct)).Select(ReadingDto.From).ToList());
    }

    public static async Task<Ok<List<ReadingDto>>> Readings(Guid patientId, string? kind, int? days, ClaimsPrincipal user, Access access,
        ConvenienceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await access.RequireActsForAsync(user, patientId, "chronic:readings", ct);
        var list = await ReadingsOf(db, patientId, kind, days, clock, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(list);
    }

    private static async Task<List<ReadingDto>> ReadingsOf(ConvenienceDbContext db, Guid patientId, string? kind, int? days, TimeProvider clock,
        CancellationToken ct)
    {
        if (kind is not null && !ReadingKinds.All.Contains(kind))
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["kind"] = ["测量类型须为血压、血糖或体重"] });
        var since = clock.GetUtcNow().AddDays(-Math.Clamp(days ?? 30, 1, 366));
        var query = db.Readings.AsNoTracking().Where(r => r.PatientId == patientId && r.MeasuredAt >= since);
        if (kind is not null) query = query.Where(r => r.Kind == kind);
        return (await query.OrderBy(r => r.MeasuredAt).Take(2000).ToListAsync(ct)).Select(ReadingDto.From).ToList();
    }

    public static async Task<Ok<ReminderDto>> SetReminder(Guid patientId, string kind, ReminderInput input, ClaimsPrincipal user, Access access,
        ChronicCare chronic, CancellationToken ct)
    {
        var account = await access.RequireActsForAsync(user, patientId, "chronic:reminder", ct);
        TimeOnly? time = TimeOnly.TryParseExact(input.Time ?? "", "HH:mm", out var t) ? t : null;
        return TypedResults.Ok(ReminderDto.From(await chronic.SetReminderAsync(account, patientId, kind, time, input.Active ?? true, ct)));
    }

    public static async Task<Ok<List<AlertDto>>> Alerts(bool? open, ClaimsPrincipal user, Access access, ConvenienceDbContext db, CancellationToken ct)
    {
        var query = db.Alerts.AsNoTracking();
        if (open == true) query = query.Where(a => a.AcknowledgedAt == null);
        var list = await query.OrderBy(a => a.AcknowledgedAt != null).ThenByDescending(a => a.RaisedAt).Take(200).ToListAsync(ct);
        access.AuditStaff(user, null, $"chronic:alerts:{list.Count}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(list.Select(AlertDto.From).ToList());
    }

    public static async Task<Results<Ok<AlertDto>, NotFound>> Acknowledge(Guid id, AcknowledgeRequest input, ClaimsPrincipal user,
        ConvenienceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var note = input.Note?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > 300)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["note"] = ["请填写处理意见（300字以内）"] });
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null) return TypedResults.NotFound();
        if (alert.AcknowledgedAt is not null) throw ProblemException.Conflict("already_acknowledged", $"该提醒已由{alert.AcknowledgedBy}处理");
        (alert.AcknowledgedBy, alert.AcknowledgedAt, alert.Note) = (Access.StaffName(user), clock.GetUtcNow(), note);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AlertDto.From(alert));
    }

    public static async Task<Ok<StaffChronicDto>> Patient(Guid patientId, int? days, ClaimsPrincipal user, Access access, ConvenienceDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        access.AuditStaff(user, patientId, "chronic:patient");
        var summary = await SummaryOf(db, patientId, ct);
        var readings = await ReadingsOf(db, patientId, null, days ?? 90, clock, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new StaffChronicDto(summary.Thresholds, readings));
    }

    public static async Task<Ok<ThresholdDto>> SetThreshold(Guid patientId, string kind, ThresholdInput input, ClaimsPrincipal user, ChronicCare chronic,
        CancellationToken ct) =>
        TypedResults.Ok(ThresholdDto.From(await chronic.SetThresholdAsync(patientId, kind, input, Access.StaffName(user), ct)));
}

public sealed record StaffChronicDto(IReadOnlyList<ThresholdDto> Thresholds, IReadOnlyList<ReadingDto> Readings);
