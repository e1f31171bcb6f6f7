using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging.PatientLinks;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Queue.API.Domain;
using Queue.API.Infrastructure;

namespace Queue.API.Application.Itinerary;

/// <summary>今日行程 (X07): a patient's visits, exams and pick-ups today with their queues as they stand now, in the order
/// <see cref="ItineraryPlan"/> gives, each at its place on the indoor map.</summary>
public sealed class DayItinerary(QueueDbContext db, QueueLines lines, WaitEstimates estimates, ItineraryPlaces places, TimeProvider clock)
{
    public async Task<ItineraryDto> ForAsync(ClaimsPrincipal user, Guid? patientId, CancellationToken ct)
    {
        var day = ClinicDay.Of(clock.GetUtcNow());
        var patient = patientId ?? await BusiestPatientAsync(user, day, ct);
        if (patient is not { } id) return new ItineraryDto(null, day, []);
        if (!await db.PatientLinks.ActsForAsync(user, id, ct))
            throw new ProblemException(403, "itinerary_not_yours", "只能查看本人或已添加就诊人的行程");

        var booked = await (from a in db.Appointments.AsNoTracking()
                            join q in db.Queues.AsNoTracking() on a.QueueId equals q.Id
                            where a.PatientId == id && !a.Cancelled && q.Day == day
                            select new { a, q }).ToListAsync(ct);
        var tickets = await (from t in db.Tickets.AsNoTracking()
                             join q in db.Queues.AsNoTracking() on t.QueueId equals q.Id
                             where t.PatientId == id && q.Day == day && t.Status != TicketStatus.Withdrawn
                             select new { t, q }).ToListAsync(ct);
        var byAppointment = tickets.ToDictionary(x => x.t.AppointmentId, x => x.t);

        var clinics = new List<ItineraryStop>();
        var exams = new List<ItineraryStop>();
        foreach (var x in booked.OrderBy(x => x.a.StartsAt))
        {
            var stop = await StopAsync(x.q, x.a.Id, x.a.StartsAt, x.a.Preparation, byAppointment.GetValueOrDefault(x.a.Id),
                x.q.Kind == QueueKind.Clinic ? $"{x.q.DepartmentName} {x.q.DoctorName}" : $"{(x.q.Kind == QueueKind.BloodDraw ? "采血" : "检查")}：{x.a.ItemName ?? x.q.DoctorName}",
                ct);
            (x.q.Kind == QueueKind.Clinic ? clinics : exams).Add(stop);
        }
        var pickups = new List<ItineraryStop>();
        foreach (var x in tickets.Where(x => x.q.Kind == QueueKind.Pharmacy))
            pickups.Add(await StopAsync(x.q, null, x.t.AppointmentStartsAt, null, x.t, x.q.DoctorName, ct));

        var since = ClinicDay.StartOf(day);
        var paid = await db.Payments.AnyAsync(p => p.PatientId == id && p.PaidAt >= since, ct);
        var firstClinic = booked.Where(x => x.q.Kind == QueueKind.Clinic).OrderBy(x => x.a.StartsAt).Select(x => x.q).FirstOrDefault();
        var payment = firstClinic is null ? null : await places.PaymentNearAsync(await places.ForQueueAsync(firstClinic, ct), ct);
        return new ItineraryDto(id, day, ItineraryPlan.Build(clinics, exams, pickups, paid, payment));
    }

    private async Task<ItineraryStop> StopAsync(ClinicQueue queue, Guid? appointmentId, DateTimeOffset startsAt, string? preparation,
        QueueTicket? ticket, string title, CancellationToken ct)
    {
        var waiting = await lines.WaitingAsync(queue.Id, ct);
        var pace = await estimates.MinutesPerPatientAsync(queue.Id, ct);
        var place = await places.ForQueueAsync(queue, ct);
        var ahead = ticket is { Status: TicketStatus.Waiting } ? QueueLines.PeopleAhead(waiting, ticket.Id) : 0;
        return new ItineraryStop(queue.Kind, title, place?.Name ?? queue.Location, place?.Id, queue.Id, appointmentId, startsAt, preparation,
            ticket?.Status, ticket?.Number, ahead, waiting.Count, pace);
    }

    /// <summary>Without a patient named: the account's patient with the most to do today (their own first when tied).</summary>
    private async Task<Guid?> BusiestPatientAsync(ClaimsPrincipal user, DateOnly day, CancellationToken ct)
    {
        var patients = (await db.PatientLinks.ActedForAsync(user, ct)).ToList();
        if (patients.Count == 0) return null;
        var counts = await (from a in db.Appointments.AsNoTracking()
                            join q in db.Queues.AsNoTracking() on a.QueueId equals q.Id
                            where patients.Contains(a.PatientId) && !a.Cancelled && q.Day == day
                            group a by a.PatientId into g
                            select new { PatientId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var own = user.PatientIds();
        return counts.OrderByDescending(c => c.Count).ThenByDescending(c => own.Contains(c.PatientId)).Select(c => (Guid?)c.PatientId).FirstOrDefault()
            ?? own.Cast<Guid?>().FirstOrDefault() ?? patients[0];
    }
}
