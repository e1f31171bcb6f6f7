using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Reports.API.Infrastructure;

namespace Reports.API.Application;

public sealed record ReportSummaryDto(
    Guid Id, Guid PatientId, string HisId, string Kind, string Category, string Title, string Status, DateTimeOffset? IssuedAt,
    int AbnormalCount, int CriticalCount, string? Conclusion);

public sealed record ListDto<T>(Guid PatientId, DateTimeOffset FetchedAt, bool Stale, IReadOnlyList<T> Items);

public sealed record ItemView(
    string Id, string Name, string? Loinc, string Value, string Unit, string ReferenceRange, decimal? Low, decimal? High,
    string? Flag, string? FlagText, string Arrow, bool Abnormal, bool Critical, ExplanationDto? Explanation);

public sealed record ReportDetailDto(
    Guid Id, Guid PatientId, string HisId, string Kind, string Category, string Title, string Status, DateTimeOffset? IssuedAt,
    DateTimeOffset? CollectedAt, string? Accession, string? Interpreter, string? Performer, string? Conclusion, string? Findings,
    HisImaging? Imaging, IReadOnlyList<ItemView> Items, DateTimeOffset FetchedAt, bool Stale, string Watermark,
    IReadOnlyList<HisKeyImage> KeyImages);

public sealed record TrendPoint(DateTimeOffset At, decimal Value, string? Flag, Guid ReportId);

public sealed record TrendDto(Guid PatientId, string Loinc, string Name, string Unit, decimal? Low, decimal? High, IReadOnlyList<TrendPoint> Points);

public sealed record AccessLogEntry(
    Guid Id, DateTimeOffset At, string Role, string RoleText, string Who, bool ThisAccount, string Purpose, string What, bool Refused,
    string? RefusedReason);

/// <summary>What a reader may see of a patient's record, each read authorised (<see cref="RecordAccess"/>) and audited.</summary>
public sealed class ReportViews(ReportsDbContext db, RecordCache cache, RecordAccess access, AccessAudit audit, Explanations explanations,
    TimeProvider clock)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public async Task<ListDto<ReportSummaryDto>> ListAsync(ClaimsPrincipal user, Guid patientId, bool refresh, string? purpose, CancellationToken ct)
    {
        var entity = new Entity("DiagnosticReport", null, "检查检验报告列表");
        var reader = await access.AuthorizeAsync(user, patientId, entity, purpose, ct);
        var reports = await cache.ReportsAsync(patientId, refresh, ct);
        await audit.ReadAsync(reader, patientId, entity, ct);
        return new(patientId, reports.FetchedAt, reports.Stale, reports.Value.Select(r => Summary(patientId, r)).ToList());
    }

    /// <summary>A report by its platform id (the id report-ready messages link to). Who owns it comes from the index; an
    /// id not yet indexed sends the reader's own patients' lists to the HIS once.</summary>
    public async Task<ReportDetailDto> DetailAsync(ClaimsPrincipal user, Guid reportId, string? purpose, CancellationToken ct)
    {
        RecordAccess.EnsureMayRead(user, purpose);
        var owner = await db.ReportIndex.AsNoTracking().FirstOrDefaultAsync(r => r.ReportId == reportId, ct);
        if (owner is null && user.IsInRole(PlatformRoles.Patient))
        {
            foreach (var patient in await access.PatientsOfAsync(user, ct))
            {
                await cache.ReportsAsync(patient, refresh: true, ct);
                owner = await db.ReportIndex.AsNoTracking().FirstOrDefaultAsync(r => r.ReportId == reportId, ct);
                if (owner is not null) break;
            }
        }
        if (owner is null) throw ProblemException.NotFound("报告");
        var entity = new Entity("DiagnosticReport", owner.HisReportId);
        var reader = await access.AuthorizeByIdAsync(user, owner.PatientId, entity, purpose, "报告", ct);
        return await ReadAsync(reader, owner.PatientId, owner.HisReportId, entity, ct);
    }

    /// <summary>A report by the HIS's id, among the reader's own patients (the critical-value message links this way).</summary>
    public async Task<ReportDetailDto> ByHisIdAsync(ClaimsPrincipal user, string hisReportId, CancellationToken ct)
    {
        foreach (var patient in await access.PatientsOfAsync(user, ct))
        {
            var reports = await cache.ReportsAsync(patient, refresh: false, ct);
            if (reports.Value.Any(r => r.Id == hisReportId)) return await OpenAsync(user, patient, hisReportId, null, ct);
        }
        throw ProblemException.NotFound("报告");
    }

    private async Task<ReportDetailDto> OpenAsync(ClaimsPrincipal user, Guid patientId, string hisReportId, string? purpose, CancellationToken ct)
    {
        var entity = new Entity("DiagnosticReport", hisReportId);
        var reader = await access.AuthorizeAsync(user, patientId, entity, purpose, ct);
        return await ReadAsync(reader, patientId, hisReportId, entity, ct);
    }

    private async Task<ReportDetailDto> ReadAsync(Reader reader, Guid patientId, string hisReportId, Entity entity, CancellationToken ct)
    {
        var detail = await BuildAsync(patientId, hisReportId, ReaderText(reader), ct);
        await audit.ReadAsync(reader, patientId, entity with { Title = detail.Title }, ct);
        return detail;
    }

    /// <summary>The report as the hospital prints it, explanations attached to abnormal items; no authorisation here.</summary>
    public async Task<ReportDetailDto> BuildAsync(Guid patientId, string hisReportId, string readerText, CancellationToken ct)
    {
        var reports = await cache.ReportsAsync(patientId, refresh: false, ct);
        var report = reports.Value.FirstOrDefault(r => r.Id == hisReportId);
        if (report is null)
        {
            reports = await cache.ReportsAsync(patientId, refresh: true, ct);
            report = reports.Value.FirstOrDefault(r => r.Id == hisReportId) ?? throw ProblemException.NotFound("报告");
        }
        var notes = await explanations.ForAsync(report.Items, ct);
        var watermark = $"{readerText} {TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Shanghai):yyyy-MM-dd HH:mm} 查看";
        return new ReportDetailDto(RecordCache.ReportId(patientId, report.Id), patientId, report.Id, KindOf(report), report.Category,
            report.Title, report.Status, report.IssuedAt, report.EffectiveAt, report.Accession, report.Interpreter, report.Performer,
            report.Conclusion, report.Findings, report.Imaging,
            report.Items.Select(i => new ItemView(i.Id, i.Name, i.Loinc, i.Value, i.Unit, i.ReferenceRange, i.Low, i.High, i.Flag, i.FlagText,
                Arrow(i.Flag), i.Abnormal, i.Critical, notes.GetValueOrDefault(i.Id))).ToList(),
            reports.FetchedAt, reports.Stale, watermark, report.KeyImages ?? []);
    }

    /// <summary>One key image of a report, read like the report itself: authorised, audited, never cached by the browser.</summary>
    public async Task<KeyImageFile> KeyImageAsync(ClaimsPrincipal user, Guid reportId, int index, string? purpose, HisRecords his,
        CancellationToken ct)
    {
        RecordAccess.EnsureMayRead(user, purpose);
        var owner = await db.ReportIndex.AsNoTracking().FirstOrDefaultAsync(r => r.ReportId == reportId, ct)
                    ?? throw ProblemException.NotFound("报告");
        var entity = new Entity("Media", $"{owner.HisReportId}#{index}", $"关键图像 {index + 1}");
        var reader = await access.AuthorizeByIdAsync(user, owner.PatientId, entity, purpose, "报告", ct);
        var image = await his.KeyImageAsync(owner.PatientId, owner.HisReportId, index, ct) ?? throw ProblemException.NotFound("关键图像");
        await audit.ReadAsync(reader, owner.PatientId, entity, ct);
        return image;
    }

    public async Task<TrendDto> TrendAsync(ClaimsPrincipal user, Guid patientId, string loinc, string? purpose, CancellationToken ct)
    {
        // A LOINC code (2345-7) or a hospital's local item code: short, letters, digits, dots and hyphens.
        if (loinc.Length > 32 || !loinc.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
            throw new ProblemException(400, "invalid_item_code", "检验项目代码格式不正确");
        var entity = new Entity("Observation", null, $"检验项目趋势 {loinc}");
        var reader = await access.AuthorizeAsync(user, patientId, entity, purpose, ct);
        var reports = await cache.ReportsAsync(patientId, false, ct);
        var points = reports.Value
            .SelectMany(r => r.Items.Where(i => i.Loinc == loinc && i.NumericValue is not null)
                .Select(i => (Report: r, Item: i, At: r.EffectiveAt ?? r.IssuedAt)))
            .Where(p => p.At is not null).OrderBy(p => p.At).ToList();
        var latest = points.LastOrDefault().Item;
        await audit.ReadAsync(reader, patientId, entity with { Title = $"{latest?.Name ?? loinc} 趋势" }, ct);
        return new TrendDto(patientId, loinc, latest?.Name ?? "", latest?.Unit ?? "", latest?.Low, latest?.High,
            points.Select(p => new TrendPoint(p.At!.Value, p.Item.NumericValue!.Value, p.Item.Flag, RecordCache.ReportId(patientId, p.Report.Id))).ToList());
    }

    public async Task<ListDto<HisDocument>> DocumentsAsync(ClaimsPrincipal user, Guid patientId, bool refresh, string? purpose, CancellationToken ct)
    {
        var entity = new Entity("DocumentReference", null, "病历资料列表");
        var reader = await access.AuthorizeAsync(user, patientId, entity, purpose, ct);
        var documents = await cache.DocumentsAsync(patientId, refresh, ct);
        await audit.ReadAsync(reader, patientId, entity, ct);
        // The list shows titles only: a document's text is a read of its own.
        return new(patientId, documents.FetchedAt, documents.Stale, documents.Value.Select(d => d with { Text = "" }).ToList());
    }

    public async Task<HisDocument> DocumentAsync(ClaimsPrincipal user, Guid patientId, string documentId, string? purpose, CancellationToken ct)
    {
        var entity = new Entity("DocumentReference", documentId);
        var reader = await access.AuthorizeAsync(user, patientId, entity, purpose, ct);
        var documents = await cache.DocumentsAsync(patientId, false, ct);
        var document = documents.Value.FirstOrDefault(d => d.Id == documentId)
            ?? (await cache.DocumentsAsync(patientId, true, ct)).Value.FirstOrDefault(d => d.Id == documentId)
            ?? throw ProblemException.NotFound("病历");
        await audit.ReadAsync(reader, patientId, entity with { Title = document.Title }, ct);
        return document;
    }

    public async Task<ListDto<HisEncounter>> VisitsAsync(ClaimsPrincipal user, Guid patientId, bool refresh, string? purpose, CancellationToken ct)
    {
        var entity = new Entity("Encounter", null, "就诊记录");
        var reader = await access.AuthorizeAsync(user, patientId, entity, purpose, ct);
        var visits = await cache.EncountersAsync(patientId, refresh, ct);
        await audit.ReadAsync(reader, patientId, entity, ct);
        return new(patientId, visits.FetchedAt, visits.Stale, visits.Value);
    }

    /// <summary>谁查看了我的病历 (X10): for the patient and the accounts they authorised only.</summary>
    public async Task<IReadOnlyList<AccessLogEntry>> AccessLogAsync(ClaimsPrincipal user, Guid patientId, CancellationToken ct)
    {
        var account = user.AccountId();
        if (!await access.ActsForAsync(user, patientId, ct))
            throw new ProblemException(403, "record_forbidden", "您无权查看该就诊人的病历资料");
        var rows = await db.AccessEvents.AsNoTracking().Where(a => a.PatientId == patientId)
            .OrderByDescending(a => a.RecordedAt).Take(200).ToListAsync(ct);
        return rows.Select(a => new AccessLogEntry(a.Id, a.RecordedAt, a.AgentRole,
            a.Outcome != "0" && a.AgentRole == PlatformRoles.Patient && a.AgentAccountId != account ? "其他账号" : RoleText(a.AgentRole, a.AgentAccountId == account),
            Who(a.AgentRole, a.AgentName, a.AgentAccountId == account), a.AgentAccountId == account, a.PurposeText,
            a.EntityTitle ?? What(a.EntityType), a.Outcome != "0", a.OutcomeText is null ? null : "已拒绝")).ToList();
    }

    public static ReportSummaryDto Summary(Guid patientId, HisReport r) => new(RecordCache.ReportId(patientId, r.Id), patientId, r.Id,
        KindOf(r), r.Category, r.Title, r.Status, r.IssuedAt, r.Items.Count(i => i.Abnormal), r.Items.Count(i => i.Critical), r.Conclusion);

    private static string KindOf(HisReport r) => r.CategoryCode is "LAB" || (r.CategoryCode is null && r.Items.Count > 0) ? "lab" : "imaging";

    private static string Arrow(string? flag) => flag switch { "H" or "HH" => "↑", "L" or "LL" => "↓", "A" or "AA" => "*", _ => "" };

    public static string ReaderText(Reader reader) => reader.Role switch
    {
        PlatformRoles.Doctor => $"{reader.Name}医生",
        PlatformRoles.Staff => $"工作人员{reader.Name}",
        "share" => "院外分享查看",
        _ => "患者本人/家属",
    };

    private static string RoleText(string role, bool self) => role switch
    {
        PlatformRoles.Patient => self ? "本账号" : "授权家属账号",
        PlatformRoles.Doctor => "医生",
        PlatformRoles.Staff => "医院工作人员",
        "share" => "分享链接",
        _ => role,
    };

    /// <summary>Doctors and staff by name (the patient has a right to know who); other patients' accounts are not named.</summary>
    private static string Who(string role, string name, bool self) => role switch
    {
        PlatformRoles.Doctor => $"{name}医生",
        PlatformRoles.Staff => name,
        "share" => "持分享链接的访问者",
        _ => self ? "您本人" : "家属",
    };

    private static string What(string type) => type switch
    {
        "DiagnosticReport" => "检查检验报告",
        "DocumentReference" => "病历资料",
        "Encounter" => "就诊记录",
        "Observation" => "检验趋势",
        _ => type,
    };
}
