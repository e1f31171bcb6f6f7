using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Problems;
using Queue.API.Domain;
using Queue.API.Infrastructure;

namespace Queue.API.Application;

public sealed record KioskTicketDto(Guid TicketId, string Kind, string QueueName, string Location, int Number, DateTimeOffset StartsAt);

public sealed record KioskCheckInDto(IReadOnlyList<KioskTicketDto> Tickets);

/// <summary>报到 at a kiosk or a nurse's desk by the patient's electronic health card: every visit and exam of theirs today
/// whose check-in window is open gets its number (one already checked in keeps its own).</summary>
public sealed class KioskCheckIn(QueueDbContext db, HealthCardCodes cards, CheckIn checkIn, IOptions<QueueOptions> options, TimeProvider clock)
{
    public async Task<KioskCheckInDto> CheckInAsync(string? code, CancellationToken ct)
    {
        var patientId = cards.Verify(code);
        var now = clock.GetUtcNow();
        var window = options.Value;
        var day = ClinicDay.Of(now);
        var due = await (from a in db.Appointments.AsNoTracking()
                         join q in db.Queues.AsNoTracking() on a.QueueId equals q.Id
                         where a.PatientId == patientId && !a.Cancelled && q.Day == day
                               && a.StartsAt - window.CheckInOpensBefore <= now && a.StartsAt + window.CheckInClosesAfter >= now
                         orderby a.StartsAt
                         select a).ToListAsync(ct);
        if (due.Count == 0) throw new ProblemException(404, "no_appointment_now", "该患者当前没有可报到的预约或检查，请到服务台咨询");
        var tickets = new List<KioskTicketDto>();
        foreach (var appointment in due)
        {
            var ticketId = await checkIn.TicketForAsync(appointment, null, ct);
            var shown = await (from t in db.Tickets.AsNoTracking()
                               join q in db.Queues.AsNoTracking() on t.QueueId equals q.Id
                               where t.Id == ticketId
                               select new KioskTicketDto(t.Id, q.Kind, q.DepartmentName + " " + q.DoctorName, q.Location, t.Number,
                                   t.AppointmentStartsAt)).SingleAsync(ct);
            tickets.Add(shown);
        }
        return new KioskCheckInDto(tickets);
    }
}
