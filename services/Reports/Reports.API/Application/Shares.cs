using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Reports.API.Domain;
using Reports.API.Extensions;
using Reports.API.Infrastructure;

namespace Reports.API.Application;

public sealed record ShareCreatedDto(Guid Id, string Token, string Path, DateTimeOffset ExpiresAt);

public sealed record ShareDto(Guid Id, Guid ReportId, string ReportTitle, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt, string State, int Views);

public sealed record SharedReportDto(ReportDetailDto Report, DateTimeOffset ExpiresAt, string Notice);

/// <summary>A report shared with a doctor outside the hospital: a random token (only its hash is kept), a lifetime the
/// patient picks (at most <c>Reports:ShareMaxHours</c>), revocable at any time; every open is audited.</summary>
public sealed class Shares(ReportsDbContext db, ReportViews views, AccessAudit audit, RecordAccess access, IOptions<ReportsOptions> options, TimeProvider clock)
{
    private static readonly Reader Outsider = new(null, "share", "分享链接", null, "PATSHR", "患者分享给院外医生查看");

    public async Task<ShareCreatedDto> CreateAsync(ClaimsPrincipal user, Guid reportId, int? hours, CancellationToken ct)
    {
        var account = user.AccountId();
        var report = await views.DetailAsync(user, reportId, null, ct);
        // Only the patient's own accounts share (a doctor who may read it may not): as unknown to anyone else.
        if (!await access.ActsForAsync(user, report.PatientId, ct)) throw ProblemException.NotFound("报告");
        var lifetime = hours ?? options.Value.ShareDefaultHours;
        if (lifetime < 1 || lifetime > options.Value.ShareMaxHours)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["hours"] = [$"有效期为1至{options.Value.ShareMaxHours}小时"] });
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        var share = new ShareLink
        {
            Id = Guid.CreateVersion7(), TokenHash = Hash(token), PatientId = report.PatientId, ReportId = reportId, ReportTitle = report.Title,
            CreatedBy = account, CreatedAt = now, ExpiresAt = now.AddHours(lifetime),
        };
        db.ShareLinks.Add(share);
        await db.SaveChangesAsync(ct);
        return new ShareCreatedDto(share.Id, token, $"/shared#{token}", share.ExpiresAt);
    }

    public async Task<IReadOnlyList<ShareDto>> ListAsync(ClaimsPrincipal user, Guid patientId, CancellationToken ct)
    {
        if (!await access.ActsForAsync(user, patientId, ct))
            throw new ProblemException(403, "record_forbidden", "您无权查看该就诊人的病历资料");
        var now = clock.GetUtcNow();
        var rows = await db.ShareLinks.AsNoTracking().Where(s => s.PatientId == patientId).OrderByDescending(s => s.CreatedAt).ToListAsync(ct);
        return rows.Select(s => new ShareDto(s.Id, s.ReportId, s.ReportTitle, s.CreatedAt, s.ExpiresAt, s.RevokedAt, s.StateAt(now), s.Views)).ToList();
    }

    public async Task RevokeAsync(ClaimsPrincipal user, Guid shareId, CancellationToken ct)
    {
        var share = await db.ShareLinks.FirstOrDefaultAsync(s => s.Id == shareId, ct);
        // Someone else's share is as unknown as a missing one.
        if (share is null || !await access.ActsForAsync(user, share.PatientId, ct)) throw ProblemException.NotFound("分享链接");
        share.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public async Task<SharedReportDto> OpenAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) throw ProblemException.NotFound("分享链接");
        var hash = Hash(token);
        var share = await db.ShareLinks.FirstOrDefaultAsync(s => s.TokenHash == hash, ct) ?? throw ProblemException.NotFound("分享链接");
        var entity = new Entity("DiagnosticReport", share.ReportId.ToString(), share.ReportTitle);
        var state = share.StateAt(clock.GetUtcNow());
        if (state != "active")
        {
            await audit.RecordAsync(Outsider, share.PatientId, entity, "read", $"share_{state}", ct);
            throw state == "revoked"
                ? new ProblemException(410, "share_revoked", "该分享链接已被患者撤销")
                : new ProblemException(410, "share_expired", "该分享链接已过期");
        }
        var hisId = await db.ReportIndex.AsNoTracking().Where(r => r.ReportId == share.ReportId).Select(r => r.HisReportId).FirstAsync(ct);
        var report = await views.BuildAsync(share.PatientId, hisId, ViewsText, ct);
        share.Views++;
        await db.SaveChangesAsync(ct);
        await audit.ReadAsync(Outsider, share.PatientId, entity with { Id = hisId }, ct);
        return new SharedReportDto(report, share.ExpiresAt, "本页面由患者分享，仅供查看，请勿转发；链接到期或被撤销后失效。");
    }

    private const string ViewsText = "院外分享查看";

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
