using Platform.Messaging.PatientLinks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Problems;
using Queue.API.Domain;
using Queue.API.Infrastructure;

namespace Queue.API.Application;

/// <summary>报到: a signed-in patient scans the clinic's code for their own (or a family member's) appointment, within the
/// window around its time, and gets a number in that clinic's queue.</summary>
public sealed class CheckIn(QueueDbContext db, CheckInCodes codes, QueueLines lines, QueueNews news, IOptions<QueueOptions> options,
    TimeProvider clock)
{
    public sealed record Candidate(Guid AppointmentId, Guid PatientId, DateTimeOffset StartsAt, string DepartmentName, string DoctorName,
        string Location, int? Number);

    /// <summary>The account's appointments today in the room the code stands for, to choose from when family members share it.</summary>
    public async Task<(string Location, List<Candidate> Items)> CandidatesAsync(Guid accountId, string? code, CancellationToken ct)
    {
        var location = codes.Verify(code);
        var day = ClinicDay.Of(clock.GetUtcNow());
        var patients = db.PatientLinks.PatientsOf(accountId);
        var items = await (from a in db.Appointments.AsNoTracking()
                           join q in db.Queues.AsNoTracking() on a.QueueId equals q.Id
                           where !a.Cancelled && q.Day == day && q.Location == location && patients.Contains(a.PatientId)
                           orderby a.StartsAt
                           select new Candidate(a.Id, a.PatientId, a.StartsAt, q.DepartmentName, q.DoctorName, q.Location,
                               db.Tickets.Where(t => t.AppointmentId == a.Id).Select(t => (int?)t.Number).FirstOrDefault()))
            .ToListAsync(ct);
        return (location, items);
    }

    public async Task<Guid> CheckInAsync(Guid accountId, string? code, Guid? appointmentId, CancellationToken ct)
    {
        var location = codes.Verify(code);
        var id = appointmentId ?? await OnlyCandidateAsync(accountId, code, ct);
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (appointment is null || appointment.Cancelled) throw new ProblemException(404, "appointment_not_found", "预约不存在或已取消");
        if (!await db.PatientLinks.MayActForAsync(accountId, appointment.PatientId, ct))
            throw new ProblemException(403, "appointment_not_yours", "只能为本人或已添加的就诊人报到");
        return await TicketForAsync(appointment, location, ct);
    }

    /// <summary>The appointment's ticket, taken now if it has none, inside the check-in window; <paramref name="location"/>,
    /// when given, must be the queue's room (the scanned clinic code's).</summary>
    public async Task<Guid> TicketForAsync(VisitAppointment appointment, string? location, CancellationToken ct)
    {
        var id = appointment.Id;
        var existing = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.AppointmentId == id, ct);
        if (existing is not null) return existing.Id;

        var now = clock.GetUtcNow();
        var window = options.Value;
        if (now < appointment.StartsAt - window.CheckInOpensBefore)
            throw new ProblemException(409, "checkin_too_early",
                $"还未到报到时间，请于{(appointment.StartsAt - window.CheckInOpensBefore).ToOffset(TimeSpan.FromHours(8)):HH:mm}后报到");
        if (now > appointment.StartsAt + window.CheckInClosesAfter)
            throw new ProblemException(409, "checkin_too_late", "已超过报到时间，请到分诊台咨询");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var queue = await lines.LockAsync(appointment.QueueId, ct);
        if (location is not null && queue.Location != location)
            throw new ProblemException(409, "checkin_wrong_clinic", $"该报到码不属于您的就诊诊室，请到{queue.Location}报到");
        var again = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.AppointmentId == id, ct);
        if (again is not null) return again.Id;
        var ticket = new QueueTicket
        {
            Id = Guid.CreateVersion7(), QueueId = queue.Id, AppointmentId = appointment.Id, PatientId = appointment.PatientId,
            Number = queue.TakeNumber(), AppointmentStartsAt = appointment.StartsAt, CheckedInAt = now,
            OrderAt = appointment.StartsAt, OrderTie = now,
        };
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(ct);
        var waiting = await lines.WaitingAsync(queue.Id, ct);
        var calling = queue.CallingTicketId is { } c ? await db.Tickets.FindAsync([c], ct) : null;
        news.Changed(queue, "check-in", waiting, calling);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ticket.Id;
    }

    private async Task<Guid> OnlyCandidateAsync(Guid accountId, string? code, CancellationToken ct)
    {
        var (_, items) = await CandidatesAsync(accountId, code, ct);
        return items.Count switch
        {
            0 => throw new ProblemException(404, "no_appointment_here", "您今天在该诊室没有可报到的预约"),
            1 => items[0].AppointmentId,
            _ => throw new ProblemException(409, "choose_appointment", "您有多个预约在该诊室，请选择要报到的就诊人"),
        };
    }
}
