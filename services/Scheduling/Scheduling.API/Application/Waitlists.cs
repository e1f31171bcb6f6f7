using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;
using Scheduling.API.Infrastructure.EntityConfigurations;

namespace Scheduling.API.Application;

public sealed record WaitlistEntryDto(
    Guid Id, Guid PatientId, Guid SessionId, Guid DepartmentId, string DepartmentName, string DoctorName, string Period,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status, string StatusText, int Position, Guid? OfferId,
    DateTimeOffset? HoldUntil, DateTimeOffset JoinedAt);

/// <summary>候补 for a full session (X14): patients join in order; the <see cref="OfferWorker"/> offers each freed unit to
/// the first one waiting, and a lapsed or declined offer passes it to the next.</summary>
public sealed class Waitlists(
    SchedulingDbContext db, ClinicClock clinic, Availability availability, AppointmentBooking booking, SlotOffers offers,
    OfferSignal signal)
{
    private const int ServePerRound = 50;

    public async Task<WaitlistEntryDto> JoinAsync(Guid account, Guid sessionId, Guid patientId, CancellationToken ct)
    {
        await booking.RequireMayBookAsync(account, patientId, ct);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw new ProblemException(404, "session_not_found", "出诊不存在");
        var now = clinic.Now;
        if (session.Stopped) throw ProblemException.Conflict("slot_closed", "该出诊已停诊，不能候补");
        if (!clinic.IsReleased(session.Date))
            throw new ProblemException(422, "slot_not_released", $"该出诊将于{clinic.ReleasesAt(session.Date).ToOffset(ClinicClock.Shanghai):M月d日 HH:mm}放号，放号后再候补");
        if (!await db.Slots.AnyAsync(s => s.SessionId == sessionId && s.StartsAt > now, ct))
            throw new ProblemException(422, "slot_past", "该出诊已开始或已结束，不能候补");
        var counts = (await availability.BySessionAsync([sessionId], ct)).GetValueOrDefault(sessionId);
        if (counts is { Remaining: > 0 }) throw ProblemException.Conflict("session_has_room", "该出诊还有余号，请直接预约");
        if (await db.Appointments.AnyAsync(a => a.PatientId == patientId && a.DepartmentId == session.DepartmentId
                && a.LocalDate == session.Date && AppointmentStatus.Active.Contains(a.Status), ct))
            throw AppointmentBooking.AlreadyBooked();
        if (await db.Waitlist.AnyAsync(w => w.PatientId == patientId && w.SessionId == sessionId && WaitlistEntry.Active.Contains(w.Status), ct))
            throw AlreadyWaiting();

        var entry = new WaitlistEntry
        {
            AccountId = account, PatientId = patientId, SessionId = sessionId, DepartmentId = session.DepartmentId,
            LocalDate = session.Date, JoinedAt = now.AddTicks(-(now.Ticks % 10)), // as PostgreSQL keeps it (µs)
        };
        db.Waitlist.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
                                          && pg.ConstraintName == WaitlistEntryConfiguration.OnePerPatientSession)
        {
            throw AlreadyWaiting();
        }
        // A unit may have freed between the count and the join.
        signal.Nudge();
        return (await ViewsAsync([entry], ct))[0];
    }

    public async Task<List<WaitlistEntryDto>> MineAsync(Guid account, CancellationToken ct)
    {
        var entries = await db.Waitlist.AsNoTracking().Where(w => w.AccountId == account && WaitlistEntry.Active.Contains(w.Status))
            .OrderBy(w => w.JoinedAt).ToListAsync(ct);
        return await ViewsAsync(entries, ct);
    }

    /// <summary>Leaving gives back an offered unit at once; leaving twice (or a place already ended) changes nothing.</summary>
    public async Task LeaveAsync(Guid account, Guid id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entry = (await db.Waitlist.FromSql($"SELECT *, xmin FROM waitlist_entries WHERE id = {id} AND account_id = {account} FOR UPDATE")
                .ToListAsync(ct)).FirstOrDefault()
            ?? throw new ProblemException(404, "waitlist_not_found", "候补记录不存在");
        if (!entry.IsActive) return;
        var now = clinic.Now;
        if (entry.OfferId is { } offerId && await db.Offers.FirstOrDefaultAsync(o => o.Id == offerId && o.Status == SlotOffer.Open, ct) is { } offer)
            await offers.CloseAsync(offer, SlotOffer.Declined, WaitlistEntry.Left, now, ct);
        if (entry.IsActive) entry.End(WaitlistEntry.Left, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signal.Nudge();
    }

    /// <summary>One session's round, under a per-session advisory lock so replicas never serve the same queue at once:
    /// free units go to the waiting entries in join order until either runs out. True when work may remain.</summary>
    public async Task<bool> ServeAsync(Guid sessionId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lockName = $"scheduling-waitlist:{sessionId:N}";
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({lockName}, 0)) AS \"Value\"")
            .SingleAsync(ct);
        if (!locked) return false;
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        var now = clinic.Now;
        var served = 0;
        while (served < ServePerRound)
        {
            var entry = await db.Waitlist.Where(w => w.SessionId == sessionId && w.Status == WaitlistEntry.Waiting)
                .OrderBy(w => w.JoinedAt).ThenBy(w => w.Id).FirstOrDefaultAsync(ct);
            if (entry is null) break;
            if (session is null || session.Stopped || !await db.Slots.AnyAsync(s => s.SessionId == sessionId && s.StartsAt > now, ct))
            {
                await db.Waitlist.Where(w => w.SessionId == sessionId && w.Status == WaitlistEntry.Waiting)
                    .ExecuteUpdateAsync(u => u.SetProperty(w => w.Status, WaitlistEntry.Closed)
                        .SetProperty(w => w.ClosedAt, now).SetProperty(w => w.ClosedReason, "该出诊已结束或停诊"), ct);
                break;
            }
            if (await db.Appointments.AnyAsync(a => a.PatientId == entry.PatientId && a.DepartmentId == entry.DepartmentId
                    && a.LocalDate == entry.LocalDate && AppointmentStatus.Active.Contains(a.Status), ct))
                entry.End(WaitlistEntry.Closed, now, "已预约该科室当天的号源");
            else if (await offers.OfferToWaiterAsync(entry, session, ct) is null)
                break;
            await db.SaveChangesAsync(ct);
            served++;
        }
        await tx.CommitAsync(ct);
        return served == ServePerRound;
    }

    private async Task<List<WaitlistEntryDto>> ViewsAsync(List<WaitlistEntry> entries, CancellationToken ct)
    {
        var sessionIds = entries.Select(e => e.SessionId).Distinct().ToList();
        var sessions = await db.Sessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var departmentIds = sessions.Values.Select(s => s.DepartmentId).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var doctorIds = sessions.Values.Select(s => s.DoctorId).Distinct().ToList();
        var doctors = await db.Doctors.AsNoTracking().Where(d => doctorIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var waiting = await db.Waitlist.AsNoTracking().Where(w => sessionIds.Contains(w.SessionId) && w.Status == WaitlistEntry.Waiting)
            .Select(w => new { w.Id, w.SessionId, w.JoinedAt }).ToListAsync(ct);
        var offerIds = entries.Where(e => e.OfferId != null).Select(e => e.OfferId!.Value).ToList();
        var holds = await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.HoldUntil, ct);
        return entries.Select(e =>
        {
            var s = sessions.GetValueOrDefault(e.SessionId);
            var position = e.Status == WaitlistEntry.Waiting
                ? waiting.Count(w => w.SessionId == e.SessionId && w.Id != e.Id && (w.JoinedAt < e.JoinedAt || (w.JoinedAt == e.JoinedAt && w.Id.CompareTo(e.Id) < 0))) + 1
                : 0;
            return new WaitlistEntryDto(e.Id, e.PatientId, e.SessionId, e.DepartmentId,
                s is null ? "" : departments.GetValueOrDefault(s.DepartmentId, s.DepartmentCode),
                s is null ? "" : doctors.GetValueOrDefault(s.DoctorId, ""), s?.Period ?? "", s?.StartsAt ?? default, s?.EndsAt ?? default,
                e.Status, WaitlistEntry.TextOf(e.Status), position, e.OfferId,
                e.OfferId is { } o && holds.TryGetValue(o, out var hold) ? hold : null, e.JoinedAt);
        }).ToList();
    }

    private static ProblemException AlreadyWaiting() => ProblemException.Conflict("already_waiting", "该就诊人已在此出诊的候补队列中");
}
