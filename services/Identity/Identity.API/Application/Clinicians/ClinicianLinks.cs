using Identity.API.Application.Accounts;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Application.Clinicians;

public sealed record PractitionerDto(string Id, string Name, string Title, string StaffNumber, IReadOnlyList<string> Departments, bool Active,
    Guid? LinkedAccountId, string? LinkedUsername);

/// <summary>A clinician account and the practitioner it acts as; <see cref="Practitioner"/> carries only the id when the
/// directory has not (yet) heard of it.</summary>
public sealed record ClinicianDto(Guid AccountId, string Username, string DisplayName, string Role, string? PractitionerId,
    PractitionerDto? Practitioner, DateTimeOffset? LinkedAt, string? LinkedBy);

public sealed record LinkChangeDto(Guid Id, string? PreviousPractitionerId, string? PreviousPractitionerName, string? PractitionerId,
    string? PractitionerName, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record PractitionerLinkRequest(string? PractitionerId);

/// <summary>Staff link a clinician (doctor, pharmacist) account to the HIS Practitioner it is. Every change is recorded
/// (who, whom, when) and signs the account out everywhere: its next token must carry the new <c>practitioner_id</c>, not
/// the old one for the rest of a refresh chain.</summary>
public sealed class ClinicianLinks(IdentityDbContext db, AccountSessions sessions, TimeProvider clock, ILogger<ClinicianLinks> logger)
{
    public const int PageSize = 200;

    public async Task<List<ClinicianDto>> ListAsync(string? query, CancellationToken ct)
    {
        var accounts = db.Accounts.AsNoTracking().Where(a => (a.Role == "doctor" || a.Role == "pharmacist") && a.ClosedAt == null);
        if (query?.Trim() is { Length: > 0 } q)
        {
            var pattern = $"%{Like(q)}%";
            var practitioners = db.Practitioners.Where(p => EF.Functions.ILike(p.Name, pattern) || p.StaffNumber == q || p.HisId == q)
                .Select(p => p.HisId);
            accounts = accounts.Where(a => EF.Functions.ILike(a.Username, pattern) || EF.Functions.ILike(a.DisplayName, pattern)
                                           || (a.PractitionerHisId != null && practitioners.Contains(a.PractitionerHisId)));
        }
        var found = await accounts.OrderBy(a => a.Username).Take(PageSize).ToListAsync(ct);
        var ids = found.Select(a => a.Id).ToList();
        var lastChanges = (await db.PractitionerLinkChanges.AsNoTracking().Where(c => ids.Contains(c.AccountId)).ToListAsync(ct))
            .GroupBy(c => c.AccountId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.ChangedAt)!);
        var directory = await DirectoryAsync(found.Select(a => a.PractitionerHisId), ct);
        return found.Select(a =>
        {
            var change = lastChanges.GetValueOrDefault(a.Id);
            var practitioner = a.PractitionerHisId is { } hisId ? directory.GetValueOrDefault(hisId) : null;
            return new ClinicianDto(a.Id, a.Username, a.DisplayName, a.Role, a.PractitionerHisId,
                practitioner is null ? null : practitioner with { LinkedAccountId = a.Id, LinkedUsername = a.Username },
                a.PractitionerHisId is null ? null : change?.ChangedAt, a.PractitionerHisId is null ? null : change?.ChangedByName);
        }).ToList();
    }

    /// <summary>Practitioners by name, staff number or HIS id, each with the account already linked to it, if any.</summary>
    public async Task<List<PractitionerDto>> SearchAsync(string? query, CancellationToken ct)
    {
        var practitioners = db.Practitioners.AsNoTracking();
        if (query?.Trim() is { Length: > 0 } q)
        {
            var pattern = $"%{Like(q)}%";
            practitioners = practitioners.Where(p => EF.Functions.ILike(p.Name, pattern) || EF.Functions.ILike(p.StaffNumber, pattern) || p.HisId == q);
        }
        var ids = await practitioners.OrderByDescending(p => p.Active).ThenBy(p => p.Name).Take(30).Select(p => p.HisId).ToListAsync(ct);
        var directory = await DirectoryAsync(ids, ct);
        return ids.Select(id => directory[id]).ToList();
    }

    public async Task<ClinicianDto> LinkAsync(Guid accountId, PractitionerLinkRequest request, Guid staffId, string staffName, string sourceIp,
        CancellationToken ct)
    {
        var practitionerId = string.IsNullOrWhiteSpace(request.PractitionerId) ? null : request.PractitionerId.Trim();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var account = await db.Accounts.FromSql($"SELECT * FROM accounts WHERE id = {accountId} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (account is null || account.IsClosed) throw new ProblemException(404, "account_not_found", "账号不存在或已注销");
        if (!account.IsClinician) throw new ProblemException(409, "not_a_clinician", "只有医生或药师账号可以关联医生信息");
        if (practitionerId is not null)
        {
            var practitioner = await db.Practitioners.AsNoTracking().FirstOrDefaultAsync(p => p.HisId == practitionerId, ct)
                ?? throw new ProblemException(404, "practitioner_not_found", "未找到该医生，请从 HIS 医生名录中选择");
            if (!practitioner.Active) throw new ProblemException(409, "practitioner_inactive", $"{practitioner.Name} 在 HIS 中已停用，不能关联");
            var holder = await db.Accounts.AsNoTracking().Where(a => a.PractitionerHisId == practitionerId && a.Id != accountId)
                .Select(a => a.Username).FirstOrDefaultAsync(ct);
            if (holder is not null)
                throw new ProblemException(409, "practitioner_already_linked", $"{practitioner.Name} 已关联账号 {holder}，请先解除该关联");
        }
        if (account.PractitionerHisId != practitionerId)
        {
            Record(account, practitionerId, staffId, staffName, sourceIp);
            await db.SaveChangesAsync(ct);
            await sessions.RevokeAllAsync(account.Id, ct);
            logger.LogInformation("Account {AccountId} linked to practitioner {PractitionerId} by {StaffId}; its sessions were revoked",
                account.Id, practitionerId ?? "(none)", staffId);
        }
        await tx.CommitAsync(ct);
        return (await ListOneAsync(account.Id, ct))!;
    }

    public async Task<List<LinkChangeDto>> HistoryAsync(Guid accountId, CancellationToken ct)
    {
        var changes = await db.PractitionerLinkChanges.AsNoTracking().Where(c => c.AccountId == accountId).OrderByDescending(c => c.ChangedAt)
            .Take(100).ToListAsync(ct);
        var names = await db.Practitioners.AsNoTracking()
            .Where(p => changes.Select(c => c.PractitionerHisId).Concat(changes.Select(c => c.PreviousPractitionerHisId)).Contains(p.HisId))
            .ToDictionaryAsync(p => p.HisId, p => p.Name, ct);
        return changes.Select(c => new LinkChangeDto(c.Id, c.PreviousPractitionerHisId, Name(c.PreviousPractitionerHisId), c.PractitionerHisId,
            Name(c.PractitionerHisId), c.ChangedByName, c.ChangedAt)).ToList();

        string? Name(string? id) => id is null ? null : names.GetValueOrDefault(id);
    }

    /// <summary>The seed's link of a demo clinician (no staff member made it), recorded like any other.</summary>
    public void Record(Account account, string? practitionerId, Guid? staffId, string staffName, string? sourceIp)
    {
        db.PractitionerLinkChanges.Add(new PractitionerLinkChange
        {
            AccountId = account.Id, PreviousPractitionerHisId = account.PractitionerHisId, PractitionerHisId = practitionerId,
            ChangedBy = staffId, ChangedByName = staffName, ChangedAt = clock.GetUtcNow(), SourceIp = sourceIp,
        });
        account.PractitionerHisId = practitionerId;
    }

    private async Task<ClinicianDto?> ListOneAsync(Guid accountId, CancellationToken ct)
    {
        var username = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.Username).SingleAsync(ct);
        return (await ListAsync(username, ct)).FirstOrDefault(c => c.AccountId == accountId);
    }

    private async Task<Dictionary<string, PractitionerDto>> DirectoryAsync(IEnumerable<string?> hisIds, CancellationToken ct)
    {
        var ids = hisIds.OfType<string>().Distinct().ToList();
        var practitioners = await db.Practitioners.AsNoTracking().Where(p => ids.Contains(p.HisId)).ToListAsync(ct);
        var codes = practitioners.SelectMany(p => p.DepartmentCodes).Distinct().ToList();
        var departments = await db.PractitionerDepartments.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var linked = await db.Accounts.AsNoTracking().Where(a => a.PractitionerHisId != null && ids.Contains(a.PractitionerHisId))
            .Select(a => new { a.Id, a.Username, a.PractitionerHisId }).ToListAsync(ct);
        return practitioners.ToDictionary(p => p.HisId, p =>
        {
            var holder = linked.FirstOrDefault(a => a.PractitionerHisId == p.HisId);
            return new PractitionerDto(p.HisId, p.Name, p.Title, p.StaffNumber,
                p.DepartmentCodes.Select(c => departments.GetValueOrDefault(c, c)).ToList(), p.Active, holder?.Id, holder?.Username);
        });
    }

    private static string Like(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
