using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.His;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Application;

public sealed record SessionRequestDto(
    Guid Id, Guid DoctorId, string DoctorName, Guid DepartmentId, string DepartmentName, DateOnly Date, string Period,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int SlotMinutes, int Units, string Status, string StatusText,
    string? RefusalReason, Guid? SessionId, DateTimeOffset CreatedAt);

/// <summary>Staff's 加诊: recorded pending and handed to the HIS in one transaction; the HIS's answer (and the sync of the
/// new schedule) complete it. Waitlisted patients of the doctor's other sessions that day are offered the new units
/// (<see cref="SlotOffers.OfferToWaiterAsync"/>).</summary>
public sealed class SessionRequests(
    SchedulingDbContext db, ClinicClock clinic, IIntegrationEventOutbox outbox, IOptions<SchedulingOptions> options)
{
    /// <summary>The hospital's half-days, as its timetable has them (上午 08:00–12:00, 下午 14:00–17:30).</summary>
    public static (TimeOnly Start, TimeOnly End) Hours(string period) =>
        period == "AM" ? (new TimeOnly(8, 0), new TimeOnly(12, 0)) : (new TimeOnly(14, 0), new TimeOnly(17, 30));

    public const int HorizonDays = 28;

    public async Task<SessionRequestDto> RequestAsync(Guid staff, Guid doctorId, Guid? departmentId, DateOnly date, string period, int? units,
        CancellationToken ct)
    {
        var doctor = await db.Doctors.AsNoTracking().FirstOrDefaultAsync(d => d.Id == doctorId && d.IsActive, ct)
            ?? throw new ProblemException(404, "doctor_not_found", "医生不存在或已停用");
        var codes = doctor.DepartmentCodes;
        var department = departmentId is { } wanted
            ? await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == wanted, ct)
            : codes.Count == 1 ? await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == codes[0], ct) : null;
        if (department is null && departmentId is null)
            throw Invalid("departmentId", "该医生在多个科室出诊，请选择加诊科室");
        if (department is null || !codes.Contains(department.Code))
            throw Invalid("departmentId", "该医生不在所选科室出诊");

        var (from, to) = Hours(period);
        var startsAt = ClinicClock.At(date, from);
        var endsAt = ClinicClock.At(date, to);
        if (startsAt <= clinic.Now) throw Invalid("date", "加诊时段已开始或已过，请选择之后的时段");
        if (date > clinic.Today.AddDays(HorizonDays)) throw Invalid("date", $"只能安排{HorizonDays}天内的加诊");
        var minutes = options.Value.SlotMinutesFor(department.Code);
        var most = (int)(endsAt - startsAt).TotalMinutes / minutes;
        var count = units ?? most;
        if (count < 1 || count > most) throw Invalid("units", $"号源数应为1-{most}（每个号{minutes}分钟）");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One doctor's requests queue here, so two staff cannot ask for the same half-day past each other's check.
        var lockName = $"scheduling-add-session:{doctor.Id:N}";
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({lockName}, 0))", ct);
        if (await db.Sessions.AnyAsync(s => s.DoctorId == doctor.Id && s.Date == date && s.Period == period && !s.Stopped, ct))
            throw ProblemException.Conflict("session_exists", "该医生在此时段已有出诊，无需加诊");
        if (await db.SessionRequests.AnyAsync(r => r.DoctorId == doctor.Id && r.Date == date && r.Period == period && r.Status == SessionRequest.Pending, ct))
            throw ProblemException.Conflict("session_requested", "该医生此时段的加诊正在等待医院受理");

        var request = new SessionRequest
        {
            DoctorId = doctor.Id, PractitionerHisId = doctor.HisId, DepartmentId = department.Id, DepartmentCode = department.Code, Date = date,
            Period = period, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(count * minutes), SlotMinutes = minutes, Units = count,
            RequestedBy = staff, CreatedAt = clinic.Now,
        };
        db.SessionRequests.Add(request);
        outbox.Add(new HisSessionAddRequestedIntegrationEvent(request.Id, doctor.HisId, department.Code, date, period,
            startsAt.ToOffset(ClinicClock.Shanghai), minutes, count));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await ViewsAsync([request], ct))[0];
    }

    public async Task<List<SessionRequestDto>> ListAsync(DateOnly date, Guid? departmentId, CancellationToken ct)
    {
        var query = db.SessionRequests.AsNoTracking().Where(r => r.Date == date);
        if (departmentId is { } id) query = query.Where(r => r.DepartmentId == id);
        return await ViewsAsync(await query.OrderBy(r => r.CreatedAt).ToListAsync(ct), ct);
    }

    private async Task<List<SessionRequestDto>> ViewsAsync(List<SessionRequest> requests, CancellationToken ct)
    {
        var doctorIds = requests.Select(r => r.DoctorId).Distinct().ToList();
        var doctors = await db.Doctors.AsNoTracking().Where(d => doctorIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var departmentIds = requests.Select(r => r.DepartmentId).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var schedules = requests.Where(r => r.ScheduleHisId != null).Select(r => r.ScheduleHisId!).ToList();
        var sessions = await db.Sessions.AsNoTracking().Where(s => schedules.Contains(s.ScheduleHisId))
            .Select(s => new { s.ScheduleHisId, s.Date, s.Id }).ToListAsync(ct);
        return requests.Select(r => new SessionRequestDto(r.Id, r.DoctorId, doctors.GetValueOrDefault(r.DoctorId, ""), r.DepartmentId,
            departments.GetValueOrDefault(r.DepartmentId, r.DepartmentCode), r.Date, r.Period, r.StartsAt, r.EndsAt, r.SlotMinutes, r.Units,
            r.Status, SessionRequest.TextOf(r.Status), r.RefusalReason,
            sessions.FirstOrDefault(s => s.ScheduleHisId == r.ScheduleHisId && s.Date == r.Date)?.Id, r.CreatedAt)).ToList();
    }

    private static ProblemException Invalid(string field, string message) => ProblemException.Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
