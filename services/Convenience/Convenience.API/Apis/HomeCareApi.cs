using System.Security.Claims;
using Convenience.API.Application;
using Convenience.API.Domain;
using Convenience.API.Extensions;
using Convenience.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Convenience.API.Apis;

public sealed record HomeCareOptionsDto(IReadOnlyList<HomeServiceDto> Services, DateOnly FirstDate, DateOnly LastDate, IReadOnlyList<string> Districts);

public sealed record AssignRequest(string? NurseName, string? NursePhone);

public sealed record ProgressRequest(string? Status);

public sealed record CompleteVisitRequest(string? Record);

/// <summary>医护到家 (X04): patients order and follow a home visit; staff assign the nurse, track the day and record it.</summary>
public static class HomeCareApi
{
    public static IEndpointRouteBuilder MapHomeCareApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/convenience/home-care/services", Services).WithTags("医护到家").AllowAnonymous()
            .WithName("HomeCareServices").WithSummary("上门服务项目、价格与适用条件");
        var api = app.MapGroup("/api/convenience").WithTags("医护到家").RequireAuthorization(PlatformRoles.Patient);
        api.MapPost("/home-visits", Create).WithName("CreateHomeVisit").WithSummary("预约上门服务（先核对适用条件，再生成支付订单）");
        api.MapGet("/patients/{patientId:guid}/home-visits", Mine).WithName("MyHomeVisits").WithSummary("就诊人的上门服务");
        api.MapGet("/patients/{patientId:guid}/home-visits/{id:guid}", One).WithName("MyHomeVisit").WithSummary("一次上门服务的进度与记录");
        api.MapPost("/patients/{patientId:guid}/home-visits/{id:guid}/cancel", Cancel).WithName("CancelHomeVisit")
            .WithSummary("取消（护士出发前；已支付则全额退款）");

        var staff = app.MapGroup("/api/convenience/staff/home-visits").WithTags("医护到家管理").RequireAuthorization(PlatformRoles.Staff);
        staff.MapGet("", Inbox).WithName("StaffHomeVisits").WithSummary("上门服务（date=上门日期，status=状态）");
        staff.MapGet("/{id:guid}/contact", Contact).WithName("HomeVisitContact").WithSummary("上门地址与电话（留痕）");
        staff.MapPost("/{id:guid}/assign", Assign).WithName("AssignNurse").WithSummary("派护士");
        staff.MapPost("/{id:guid}/progress", Progress).WithName("HomeVisitProgress").WithSummary("当天进度：已出发、已到达");
        staff.MapPost("/{id:guid}/complete", Complete).WithName("CompleteHomeVisit").WithSummary("完成并记录服务内容");
        staff.MapPost("/{id:guid}/decline", Decline).WithName("DeclineHomeVisit").WithSummary("无法上门：取消并退款");
        return app;
    }

    public static Ok<HomeCareOptionsDto> Services(HomeVisits visits, IOptions<ConvenienceOptions> options)
    {
        var (first, last) = visits.BookableDates();
        return TypedResults.Ok(new HomeCareOptionsDto(
            HomeService.All.Select(s => new HomeServiceDto(s.Code, s.Name, s.PriceFen, s.NeedsOrderReference, s.Eligibility)).ToList(),
            first, last, options.Value.HomeCareDistricts));
    }

    public static async Task<Ok<VisitDto>> Create(CreateVisitRequest request, ClaimsPrincipal user, Access access, HomeVisits visits, Contacts contacts,
        CancellationToken ct)
    {
        var account = await access.RequireActsForAsync(user, request.PatientId, "home-visit:create", ct);
        return TypedResults.Ok(VisitDto.From(await visits.CreateAsync(account, request, ct), contacts));
    }

    public static async Task<Ok<List<VisitDto>>> Mine(Guid patientId, ClaimsPrincipal user, Access access, ConvenienceDbContext db, Contacts contacts,
        CancellationToken ct)
    {
        await access.RequireActsForAsync(user, patientId, "home-visits", ct);
        var list = await db.Visits.AsNoTracking().Include(v => v.Steps).Where(v => v.PatientId == patientId)
            .OrderByDescending(v => v.CreatedAt).Take(50).ToListAsync(ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(list.Select(v => VisitDto.From(v, contacts)).ToList());
    }

    public static async Task<Results<Ok<VisitDto>, NotFound>> One(Guid patientId, Guid id, ClaimsPrincipal user, Access access, ConvenienceDbContext db,
        Contacts contacts, CancellationToken ct)
    {
        await access.RequireActsForAsync(user, patientId, $"home-visit:{id}", ct);
        var visit = await db.Visits.AsNoTracking().Include(v => v.Steps).SingleOrDefaultAsync(v => v.Id == id && v.PatientId == patientId, ct);
        await db.SaveChangesAsync(ct);
        return visit is null ? TypedResults.NotFound() : TypedResults.Ok(VisitDto.From(visit, contacts));
    }

    public static async Task<Results<Ok<VisitDto>, NotFound>> Cancel(Guid patientId, Guid id, ClaimsPrincipal user, Access access,
        ConvenienceDbContext db, HomeVisits visits, Contacts contacts, CancellationToken ct)
    {
        await access.RequireActsForAsync(user, patientId, $"home-visit:cancel:{id}", ct);
        if (!await db.Visits.AnyAsync(v => v.Id == id && v.PatientId == patientId, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(VisitDto.From(await visits.StopAsync(id, "患者取消", byPatient: true, ct), contacts));
    }

    public static async Task<Ok<List<VisitDto>>> Inbox(DateOnly? date, string? status, ClaimsPrincipal user, Access access, ConvenienceDbContext db,
        Contacts contacts, CancellationToken ct)
    {
        var query = db.Visits.AsNoTracking().Include(v => v.Steps).AsQueryable();
        if (date is { } day) query = query.Where(v => v.VisitDate == day);
        query = string.IsNullOrEmpty(status)
            ? query.Where(v => v.Status != HomeVisitStatus.AwaitingPayment && v.Status != HomeVisitStatus.Cancelled && v.Status != HomeVisitStatus.Refunded)
            : query.Where(v => v.Status == status);
        var list = await query.OrderBy(v => v.VisitDate).ThenBy(v => v.HalfDay).ThenBy(v => v.CreatedAt).Take(200).ToListAsync(ct);
        access.AuditStaff(user, null, $"home-visits:{list.Count}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(list.Select(v => VisitDto.From(v, contacts)).ToList());
    }

    public static async Task<Results<Ok<FullContactDto>, NotFound>> Contact(Guid id, ClaimsPrincipal user, Access access, ConvenienceDbContext db,
        Contacts contacts, CancellationToken ct)
    {
        var visit = await db.Visits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null) return TypedResults.NotFound();
        access.AuditStaff(user, visit.PatientId, $"home-visit:contact:{id}");
        await db.SaveChangesAsync(ct);
        var (name, phone, address) = contacts.Open(visit.Id, visit.Contact);
        return TypedResults.Ok(new FullContactDto(name, phone, visit.Contact.District, address));
    }

    public static async Task<Ok<VisitDto>> Assign(Guid id, AssignRequest input, ClaimsPrincipal user, HomeVisits visits, Contacts contacts,
        CancellationToken ct) =>
        TypedResults.Ok(VisitDto.From(await visits.AssignAsync(id, Access.StaffName(user), input.NurseName, input.NursePhone, ct), contacts));

    public static async Task<Ok<VisitDto>> Progress(Guid id, ProgressRequest input, HomeVisits visits, Contacts contacts, CancellationToken ct) =>
        TypedResults.Ok(VisitDto.From(await visits.ProgressAsync(id, input.Status, ct), contacts));

    public static async Task<Ok<VisitDto>> Complete(Guid id, CompleteVisitRequest input, HomeVisits visits, Contacts contacts, CancellationToken ct) =>
        TypedResults.Ok(VisitDto.From(await visits.CompleteAsync(id, input.Record, ct), contacts));

    public static async Task<Ok<VisitDto>> Decline(Guid id, DeclineRequest input, HomeVisits visits, Contacts contacts, CancellationToken ct)
    {
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 200)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["reason"] = ["请填写无法上门的原因（200字以内）"] });
        return TypedResults.Ok(VisitDto.From(await visits.StopAsync(id, reason, byPatient: false, ct), contacts));
    }
}
