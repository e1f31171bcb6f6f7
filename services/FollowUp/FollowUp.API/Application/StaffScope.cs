using System.Security.Claims;
using FollowUp.API.Domain;
using FollowUp.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace FollowUp.API.Application;

/// <summary>What the calling staff account may see at the complaint desk: its assigned departments, or everything for
/// the complaints office. An account nobody assigned sees nothing.</summary>
public sealed class StaffScope(FollowUpDbContext db)
{
    public static Guid AccountId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(PlatformClaims.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id)
            ? id : throw new ProblemException(403, "staff_unknown", "无法识别工作人员账号");

    public async Task<StaffMember> OfAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.AccountId == AccountId(user), ct)
        ?? new StaffMember { AccountId = AccountId(user), Name = "" };

    /// <summary>The complaints this account sees: handled by one of its departments, or escalated to one.</summary>
    public IQueryable<Complaint> Complaints(StaffMember staff)
    {
        if (staff.ComplaintsOffice) return db.Complaints;
        var departments = staff.Departments;
        return db.Complaints.Where(c => departments.Contains(c.HandlerGroup!)
            || (c.EscalationLevel > 0 && departments.Contains(c.EscalationGroup ?? c.HandlerGroup!)));
    }

    /// <summary>Not found, rather than forbidden, for another department's complaint: its existence is not revealed.</summary>
    public async Task EnsureSeesAsync(ClaimsPrincipal user, Guid complaintId, CancellationToken ct)
    {
        var staff = await OfAsync(user, ct);
        if (!await Complaints(staff).AnyAsync(c => c.Id == complaintId, ct)) throw ProblemException.NotFound("投诉建议");
    }

    public async Task<StaffMember> EnsureOfficeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var staff = await OfAsync(user, ct);
        return staff.ComplaintsOffice ? staff : throw new ProblemException(403, "not_complaints_office", "仅投诉办可以修改科室分配、分派规则和接收人");
    }
}
