using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.His;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Application;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Apis;

/// <summary>What anyone may browse: campuses, departments, doctors, the 14-day schedule and bookable slots.</summary>
public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scheduling").WithTags("号源").AllowAnonymous();
        api.MapGet("/campuses", ListCampuses).WithName("ListCampuses").WithSummary("院区与科室数");
        api.MapGet("/departments", ListDepartments).WithName("ListSchedulingDepartments").WithSummary("可预约科室");
        api.MapGet("/doctors", ListDoctors).WithName("ListSchedulingDoctors").WithSummary("出诊医生");
        api.MapGet("/schedule", GetSchedule).WithName("GetSchedule").WithSummary("科室排班（含放号时间）");
        api.MapGet("/slots", ListSlots).WithName("ListSlots").WithSummary("可预约时段");
        return app;
    }

    public static async Task<Ok<List<CampusDto>>> ListCampuses(SchedulingDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Departments.AsNoTracking().Where(d => d.IsActive).GroupBy(d => d.Campus)
            .OrderBy(g => g.Key).Select(g => new CampusDto(g.Key, g.Count())).ToListAsync(ct));

    public static async Task<Ok<List<DepartmentDto>>> ListDepartments(string? campus, SchedulingDbContext db, CancellationToken ct)
    {
        var query = db.Departments.AsNoTracking().Where(d => d.IsActive);
        if (!string.IsNullOrWhiteSpace(campus)) query = query.Where(d => d.Campus == campus.Trim());
        var departments = await query.OrderBy(d => d.Campus).ThenBy(d => d.Code).ToListAsync(ct);
        return TypedResults.Ok(departments.Select(d => new DepartmentDto(d.Id, d.Code, d.Name, d.Campus, d.Location, d.SlotMinutes)).ToList());
    }

    public static async Task<Ok<List<DoctorDto>>> ListDoctors(Guid? departmentId, SchedulingDbContext db, CancellationToken ct)
    {
        var query = db.Doctors.AsNoTracking().Where(d => d.IsActive);
        if (departmentId is { } id)
        {
            var code = await db.Departments.Where(d => d.Id == id).Select(d => d.Code).FirstOrDefaultAsync(ct)
                ?? throw new ProblemException(404, "department_not_found", "科室不存在");
            query = query.Where(d => d.DepartmentCodes.Contains(code));
        }
        var doctors = await query.OrderBy(d => d.Name).ToListAsync(ct);
        return TypedResults.Ok(doctors.Select(d => new DoctorDto(d.Id, d.Name, d.Title, d.FeeFen,
            d.DepartmentCodes.Select(HisIds.Department).ToList())).ToList());
    }

    public static async Task<Ok<ScheduleDto>> GetSchedule(Guid? departmentId, int? days, SchedulingDbContext db, ClinicClock clinic,
        Availability availability, IOptions<SchedulingOptions> options, CancellationToken ct)
    {
        if (departmentId is null)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["departmentId"] = ["请选择科室"] });
        var count = days ?? 14;
        if (count is < 1 or > 28)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["days"] = ["天数应为1-28"] });
        var from = clinic.Today;
        var to = from.AddDays(count - 1);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.DepartmentId == departmentId && s.Date >= from && s.Date <= to)
            .OrderBy(s => s.StartsAt).ToListAsync(ct);
        var counts = await availability.BySessionAsync(sessions.Select(s => s.Id).ToList(), ct);
        var doctors = await DoctorsAsync(db, sessions.Select(s => s.DoctorId), ct);
        var result = Enumerable.Range(0, count).Select(i => from.AddDays(i)).Select(date => new ScheduleDayDto(
            date, clinic.IsReleased(date), clinic.ReleasesAt(date),
            sessions.Where(s => s.Date == date).Select(s =>
            {
                var c = counts.GetValueOrDefault(s.Id, new UnitCounts(0, 0, 0));
                var doctor = doctors.GetValueOrDefault(s.DoctorId);
                return new SessionDto(s.Id, s.DoctorId, doctor?.Name ?? "", doctor?.Title ?? "", s.Period, s.StartsAt, s.EndsAt,
                    doctor?.FeeFen ?? 0, c.Capacity, c.Remaining, availability.SessionStatus(s, c));
            }).ToList())).ToList();
        return TypedResults.Ok(new ScheduleDto(options.Value.ReleaseTime.ToString("HH:mm"), options.Value.ReleaseDaysAhead, result));
    }

    public static async Task<Ok<List<SlotDto>>> ListSlots(Guid? departmentId, Guid? doctorId, DateOnly? date, Guid? sessionId,
        SchedulingDbContext db, ClinicClock clinic, Availability availability, CancellationToken ct)
    {
        if (departmentId is null && doctorId is null && sessionId is null)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["departmentId"] = ["请选择科室、医生或出诊"] });
        var sessionQuery = db.Sessions.AsNoTracking();
        if (departmentId is { } dept) sessionQuery = sessionQuery.Where(s => s.DepartmentId == dept);
        if (doctorId is { } doc) sessionQuery = sessionQuery.Where(s => s.DoctorId == doc);
        if (sessionId is { } sid) sessionQuery = sessionQuery.Where(s => s.Id == sid);
        if (date is { } day) sessionQuery = sessionQuery.Where(s => s.Date == day);
        else
        {
            var (from, to) = (clinic.Today, clinic.Today.AddDays(13));
            sessionQuery = sessionQuery.Where(s => s.Date >= from && s.Date <= to);
        }
        var sessions = await sessionQuery.ToDictionaryAsync(s => s.Id, ct);
        var ids = sessions.Keys.ToList();
        var slots = await db.Slots.AsNoTracking().Where(s => ids.Contains(s.SessionId)).OrderBy(s => s.StartsAt).ToListAsync(ct);
        var counts = await availability.BySlotAsync(slots.Select(s => s.Id).ToList(), ct);
        var doctors = await DoctorsAsync(db, sessions.Values.Select(s => s.DoctorId), ct);
        return TypedResults.Ok(slots.Select(slot =>
        {
            var session = sessions[slot.SessionId];
            var c = counts.GetValueOrDefault(slot.Id, new UnitCounts(0, 0, 0));
            var doctor = doctors.GetValueOrDefault(session.DoctorId);
            return new SlotDto(slot.Id, session.Id, session.DepartmentId, session.DoctorId, doctor?.Name ?? "", slot.StartsAt, slot.EndsAt,
                c.Capacity, c.Remaining, doctor?.FeeFen ?? 0, availability.SlotStatus(session, slot, c));
        }).ToList());
    }

    internal static async Task<Dictionary<Guid, Doctor>> DoctorsAsync(SchedulingDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Doctors.AsNoTracking().Where(d => wanted.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
    }
}
