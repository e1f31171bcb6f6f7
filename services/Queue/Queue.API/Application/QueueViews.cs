using System.Security.Claims;
using Platform.Messaging.PatientLinks;
using Microsoft.EntityFrameworkCore;
using Queue.API.Domain;
using Queue.API.Infrastructure;

namespace Queue.API.Application;

public sealed record MyQueueDto(Guid TicketId, Guid QueueId, Guid AppointmentId, Guid PatientId, int Number, string Status, string StatusText,
    string DepartmentName, string DoctorName, string Location, DateTimeOffset AppointmentStartsAt, DateTimeOffset CheckedInAt,
    int PeopleAhead, int WaitingCount, int? CallingNumber, int EstimatedWaitMinutes, double MinutesPerPatient, string Kind = QueueKind.Clinic);

/// <summary><see cref="Mine"/>: the caller is the doctor who works this clinic (their <c>practitioner_id</c>), so they may call it.</summary>
public sealed record QueueSummaryDto(Guid Id, string DepartmentName, string DoctorName, string Location, int WaitingCount, int? CallingNumber,
    int SeenCount, double MinutesPerPatient, string? PractitionerId = null, bool Mine = false, string Kind = QueueKind.Clinic);

/// <summary>A line entry as the doctor sees it: the number and times, no name (the HIS shows the record once called).</summary>
public sealed record LineEntryDto(Guid TicketId, int Number, string Status, DateTimeOffset AppointmentStartsAt, DateTimeOffset CheckedInAt,
    int SkipCount, int CallCount, Guid PatientId);

public sealed record QueueDetailDto(QueueSummaryDto Queue, LineEntryDto? Calling, IReadOnlyList<LineEntryDto> Waiting,
    IReadOnlyList<LineEntryDto> Finished);

public sealed class QueueViews(QueueDbContext db, QueueLines lines, WaitEstimates estimates, TimeProvider clock)
{
    public async Task<List<MyQueueDto>> MineAsync(Guid accountId, CancellationToken ct)
    {
        var day = ClinicDay.Of(clock.GetUtcNow());
        var patients = db.PatientLinks.PatientsOf(accountId);
        var tickets = await (from t in db.Tickets.AsNoTracking()
                             join q in db.Queues.AsNoTracking() on t.QueueId equals q.Id
                             where q.Day == day && patients.Contains(t.PatientId)
                                   && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called)
                             orderby t.AppointmentStartsAt
                             select new { t, q }).ToListAsync(ct);
        var result = new List<MyQueueDto>();
        foreach (var group in tickets.GroupBy(x => x.q.Id))
        {
            var queue = group.First().q;
            var waiting = await lines.WaitingAsync(queue.Id, ct);
            var pace = await estimates.MinutesPerPatientAsync(queue.Id, ct);
            foreach (var t in group.Select(x => x.t))
            {
                var ahead = t.Status == TicketStatus.Waiting ? QueueLines.PeopleAhead(waiting, t.Id) : 0;
                result.Add(new MyQueueDto(t.Id, queue.Id, t.AppointmentId, t.PatientId, t.Number, t.Status, TicketStatus.TextOf(t.Status),
                    queue.DepartmentName, queue.DoctorName, queue.Location, t.AppointmentStartsAt, t.CheckedInAt, ahead, waiting.Count,
                    queue.CallingNumber, WaitEstimates.EstimatedMinutes(ahead, pace), Math.Round(pace, 1), queue.Kind));
            }
        }
        return result;
    }

    /// <summary>Today's queues of <paramref name="kind"/> (clinics when null) the viewer may see, their own first;
    /// <paramref name="mineOnly"/> keeps only those.</summary>
    public async Task<List<QueueSummaryDto>> TodayAsync(ClaimsPrincipal viewer, bool mineOnly, CancellationToken ct, string? kind = null)
    {
        var day = ClinicDay.Of(clock.GetUtcNow());
        var wanted = kind ?? QueueKind.Clinic;
        var queues = await db.Queues.AsNoTracking().Where(q => q.Day == day && q.Kind == wanted).OrderBy(q => q.DepartmentName)
            .ThenBy(q => q.DoctorName).ToListAsync(ct);
        var result = new List<QueueSummaryDto>();
        foreach (var q in queues.Where(q => DeskAccess.MaySee(viewer, q) && (!mineOnly || DeskAccess.IsMine(viewer, q))).OrderByDescending(q => DeskAccess.IsMine(viewer, q)))
            result.Add(await SummaryAsync(q, ct, viewer));
        return result;
    }

    /// <summary>Null for an unknown queue; a <paramref name="viewer"/> who may not see it is refused (403).</summary>
    public async Task<QueueDetailDto?> DetailAsync(Guid queueId, ClaimsPrincipal viewer, CancellationToken ct)
    {
        var queue = await db.Queues.AsNoTracking().SingleOrDefaultAsync(q => q.Id == queueId, ct);
        if (queue is null) return null;
        DeskAccess.Ensure(viewer, queue);
        var waiting = await lines.WaitingAsync(queueId, ct);
        var finished = await db.Tickets.AsNoTracking()
            .Where(t => t.QueueId == queueId && (t.Status == TicketStatus.Done || t.Status == TicketStatus.Absent))
            .OrderByDescending(t => t.CalledAt).Take(50).ToListAsync(ct);
        var calling = queue.CallingTicketId is { } id ? await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) : null;
        return new QueueDetailDto(await SummaryAsync(queue, ct, viewer), calling is null ? null : Entry(calling), waiting.Select(Entry).ToList(),
            finished.Select(Entry).ToList());
    }

    private async Task<QueueSummaryDto> SummaryAsync(ClinicQueue q, CancellationToken ct, ClaimsPrincipal viewer)
    {
        var waiting = await db.Tickets.CountAsync(t => t.QueueId == q.Id && t.Status == TicketStatus.Waiting, ct);
        var seen = await db.Tickets.CountAsync(t => t.QueueId == q.Id && t.Status == TicketStatus.Done, ct);
        var pace = await estimates.MinutesPerPatientAsync(q.Id, ct);
        return new QueueSummaryDto(q.Id, q.DepartmentName, q.DoctorName, q.Location, waiting, q.CallingNumber, seen, Math.Round(pace, 1),
            q.PractitionerHisId, DeskAccess.IsMine(viewer, q), q.Kind);
    }

    private static LineEntryDto Entry(QueueTicket t) =>
        new(t.Id, t.Number, t.Status, t.AppointmentStartsAt, t.CheckedInAt, t.SkipCount, t.CallCount, t.PatientId);
}
