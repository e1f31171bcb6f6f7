using System.Security.Claims;
using FollowUp.API.Application;
using FollowUp.API.Domain;
using FollowUp.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace FollowUp.API.Apis;

public sealed record StaffMemberRequest(string? Name, List<string>? Departments, bool? ComplaintsOffice);

public sealed record StaffMemberDto(Guid AccountId, string Name, List<string> Departments, bool ComplaintsOffice, DateTimeOffset UpdatedAt)
{
    public static StaffMemberDto From(StaffMember s) => new(s.AccountId, s.Name, s.Departments, s.ComplaintsOffice, s.UpdatedAt);
}

/// <summary>The calling account's own desk (so an unassigned member can hand its account id to the complaints office).</summary>
public sealed record MyDeskDto(Guid AccountId, string Name, bool Assigned, List<string> Departments, bool ComplaintsOffice, bool OfficeExists);

/// <summary>Which management departments each staff account handles complaints for. Kept by the complaints office; the
/// first complaints-office entry of a fresh installation is claimed by a staff account while none exists.</summary>
public static class StaffMembersApi
{
    public static IEndpointRouteBuilder MapStaffMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/followup/admin/staff").WithTags("投诉科室分配").RequireAuthorization(PlatformRoles.Staff);
        api.MapGet("/me", Me).WithName("MyComplaintDesk").WithSummary("我的账号与负责科室");
        api.MapPost("/me/complaints-office", ClaimOffice).WithName("ClaimComplaintsOffice").WithSummary("首次设置：本账号登记为投诉办（仅在尚无投诉办时）");
        api.MapGet("/", List).WithName("StaffMembers").WithSummary("工作人员的科室分配（投诉办）");
        api.MapPut("/{accountId:guid}", Put).WithName("PutStaffMember").WithSummary("设置工作人员的负责科室（投诉办）");
        api.MapDelete("/{accountId:guid}", Delete).WithName("DeleteStaffMember").WithSummary("移除工作人员的科室分配（投诉办）");
        return app;
    }

    private static string TokenName(ClaimsPrincipal user) => user.FindFirst(PlatformClaims.Name)?.Value ?? "工作人员";

    public static async Task<Ok<MyDeskDto>> Me(ClaimsPrincipal user, StaffScope scope, FollowUpDbContext db, CancellationToken ct)
    {
        var me = await scope.OfAsync(user, ct);
        var assigned = await db.StaffMembers.AnyAsync(s => s.AccountId == me.AccountId, ct);
        return TypedResults.Ok(new MyDeskDto(me.AccountId, assigned ? me.Name : TokenName(user), assigned, me.Departments, me.ComplaintsOffice,
            await db.StaffMembers.AnyAsync(s => s.ComplaintsOffice, ct)));
    }

    /// <summary>Only while no complaints office exists (a fresh installation); repeating it as the office changes nothing.
    /// The advisory lock keeps two first-comers from both becoming the office.</summary>
    public static async Task<Ok<StaffMemberDto>> ClaimOffice(ClaimsPrincipal user, FollowUpDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var accountId = StaffScope.AccountId(user);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('followup_complaints_office'))", ct);
        var me = await db.StaffMembers.SingleOrDefaultAsync(s => s.AccountId == accountId, ct);
        if (me?.ComplaintsOffice == true) return TypedResults.Ok(StaffMemberDto.From(me));
        if (await db.StaffMembers.AnyAsync(s => s.ComplaintsOffice, ct))
            throw ProblemException.Conflict("office_exists", "投诉办已设置，请联系投诉办为您分配科室");
        if (me is null)
        {
            var name = TokenName(user).Trim();
            me = new StaffMember { AccountId = accountId, Name = name.Length > 30 ? name[..30] : name };
            db.StaffMembers.Add(me);
        }
        me.ComplaintsOffice = true;
        me.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(StaffMemberDto.From(me));
    }

    public static async Task<Ok<List<StaffMemberDto>>> List(ClaimsPrincipal user, StaffScope scope, FollowUpDbContext db, CancellationToken ct)
    {
        await scope.EnsureOfficeAsync(user, ct);
        var list = await db.StaffMembers.AsNoTracking().OrderByDescending(s => s.ComplaintsOffice).ThenBy(s => s.Name).ToListAsync(ct);
        return TypedResults.Ok(list.Select(StaffMemberDto.From).ToList());
    }

    public static async Task<Ok<StaffMemberDto>> Put(Guid accountId, StaffMemberRequest request, ClaimsPrincipal user, StaffScope scope,
        FollowUpDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var caller = await scope.EnsureOfficeAsync(user, ct);
        var name = Invalid.Text(request.Name, "name", 30, "姓名")!;
        var departments = (request.Departments ?? []).Select(d => d?.Trim() ?? "").Where(d => d.Length > 0).Distinct().ToList();
        if (departments.Count > 30 || departments.Any(d => d.Length > 50)) throw Invalid.Field("departments", "负责科室最多 30 个，每个不超过 50 个字");
        var office = request.ComplaintsOffice ?? false;
        if (!office && departments.Count == 0) throw Invalid.Field("departments", "请至少选择一个负责科室");
        if (accountId == caller.AccountId && !office) throw ProblemException.Conflict("office_self", "不能取消自己的投诉办身份，请由其他投诉办人员操作");
        var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.AccountId == accountId, ct);
        if (member is null)
        {
            member = new StaffMember { AccountId = accountId, Name = name };
            db.StaffMembers.Add(member);
        }
        member.Name = name;
        member.Departments = departments;
        member.ComplaintsOffice = office;
        member.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(StaffMemberDto.From(member));
    }

    public static async Task<NoContent> Delete(Guid accountId, ClaimsPrincipal user, StaffScope scope, FollowUpDbContext db, CancellationToken ct)
    {
        var caller = await scope.EnsureOfficeAsync(user, ct);
        if (accountId == caller.AccountId) throw ProblemException.Conflict("office_self", "不能移除自己的投诉办身份，请由其他投诉办人员操作");
        if (await db.StaffMembers.Where(s => s.AccountId == accountId).ExecuteDeleteAsync(ct) == 0) throw ProblemException.NotFound("工作人员");
        return TypedResults.NoContent();
    }
}
