using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.His;
using Platform.Contracts.Scheduling;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;
using Scheduling.API.Application;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Consumers;

/// <summary>Replaces one schedule's day: HIS slots become units, grouped into windows of the department's slot length
/// inside half-day sessions. Windows and units keep their ids across syncs; a unit a platform appointment holds is never
/// released or removed here, and staff's stop and limit survive a sync.</summary>
public sealed class HisScheduleSlotsSyncedConsumer(
    SchedulingDbContext db, IOptions<SchedulingOptions> options, OfferSignal signal, IIntegrationEventOutbox outbox)
    : IdempotentConsumer<HisScheduleSlotsSyncedIntegrationEvent, SchedulingDbContext>(db)
{
    protected override async Task HandleAsync(HisScheduleSlotsSyncedIntegrationEvent e, ConsumeContext<HisScheduleSlotsSyncedIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        var minutes = options.Value.SlotMinutesFor(e.DepartmentCode);
        var sessions = await Db.Sessions.Where(s => s.ScheduleHisId == e.ScheduleHisId && s.Date == e.Date).ToListAsync(ct);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var slots = await Db.Slots.Where(s => sessionIds.Contains(s.SessionId)).ToListAsync(ct);
        var units = await Db.Units.Where(u => sessionIds.Contains(u.SessionId)).ToDictionaryAsync(u => u.HisId, ct);
        var incoming = e.Slots.Where(s => s.Status != "entered-in-error").ToList();
        // A unit may have moved here from another schedule or day.
        var incomingIds = incoming.Select(s => s.HisId).Where(id => !units.ContainsKey(id)).ToList();
        foreach (var moved in await Db.Units.Where(u => incomingIds.Contains(u.HisId)).ToListAsync(ct)) units[moved.HisId] = moved;

        foreach (var half in incoming.GroupBy(s => s.Start.ToOffset(ClinicClock.Shanghai).Hour < 12 ? "AM" : "PM"))
        {
            var key = HisIds.SessionKey(e.ScheduleHisId, e.Date, half.Key);
            var session = sessions.FirstOrDefault(s => s.SessionKey == key);
            if (session is null)
            {
                session = new ClinicSession
                {
                    SessionKey = key, ScheduleHisId = e.ScheduleHisId, Date = e.Date, Period = half.Key,
                    PractitionerHisId = e.PractitionerHisId, DoctorId = HisIds.Doctor(e.PractitionerHisId),
                    DepartmentCode = e.DepartmentCode, DepartmentId = HisIds.Department(e.DepartmentCode),
                };
                sessions.Add(session);
                Db.Sessions.Add(session);
            }
            session.PractitionerHisId = e.PractitionerHisId;
            session.DoctorId = HisIds.Doctor(e.PractitionerHisId);
            session.DepartmentCode = e.DepartmentCode;
            session.DepartmentId = HisIds.Department(e.DepartmentCode);
            session.StartsAt = half.Min(s => s.Start).ToUniversalTime();
            session.EndsAt = half.Max(s => s.End).ToUniversalTime();

            foreach (var hisSlot in half)
            {
                var (start, end) = Window(hisSlot.Start, minutes);
                var slot = slots.FirstOrDefault(s => s.SessionId == session.Id && s.StartsAt == start);
                if (slot is null)
                {
                    slot = new Slot { SessionId = session.Id, StartsAt = start, EndsAt = end };
                    slots.Add(slot);
                    Db.Slots.Add(slot);
                }
                slot.EndsAt = end;
                if (units.TryGetValue(hisSlot.HisId, out var unit))
                {
                    unit.SlotId = slot.Id;
                    unit.SessionId = session.Id;
                    unit.StartsAt = hisSlot.Start.ToUniversalTime();
                    unit.EndsAt = hisSlot.End.ToUniversalTime();
                    unit.HisStatus = hisSlot.Status;
                }
                else
                {
                    unit = new SlotUnit
                    {
                        HisId = hisSlot.HisId, SlotId = slot.Id, SessionId = session.Id, StartsAt = hisSlot.Start.ToUniversalTime(),
                        EndsAt = hisSlot.End.ToUniversalTime(), HisStatus = hisSlot.Status,
                    };
                    units[unit.HisId] = unit;
                    Db.Units.Add(unit);
                }
            }
        }
        var reshaped = Db.ChangeTracker.Entries().Any(x => x.State == EntityState.Added && x.Entity is ClinicSession or Slot or SlotUnit);
        await Db.SaveChangesAsync(ct);

        // What the HIS no longer lists goes, unless an appointment holds it (checked in the statement, against a booker).
        var kept = incoming.Select(s => s.HisId).ToList();
        var allSessions = sessions.Select(s => s.Id).ToList();
        var removed = await Db.Units.Where(u => allSessions.Contains(u.SessionId) && !kept.Contains(u.HisId) && u.HeldBy == null).ExecuteDeleteAsync(ct);
        removed += await Db.Slots.Where(s => allSessions.Contains(s.SessionId) && !Db.Units.Any(u => u.SlotId == s.Id)).ExecuteDeleteAsync(ct);
        removed += await Db.Sessions.Where(s => allSessions.Contains(s.Id) && !s.Stopped && !Db.Slots.Any(x => x.SessionId == s.Id)
            && !Db.Appointments.Any(a => a.SessionId == s.Id)).ExecuteDeleteAsync(ct);
        if (reshaped || removed > 0) outbox.Add(new ClinicScheduleChangedIntegrationEvent(HisIds.Department(e.DepartmentCode), e.Date, "synced"));
        // An added session's units go to the doctor's waitlisted patients that day first.
        if (await Db.SessionRequests.AnyAsync(r => r.ScheduleHisId == e.ScheduleHisId, ct)) signal.Nudge();
    }

    /// <summary>The window of <paramref name="minutes"/> (counted from local midnight) that the HIS slot starts in.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) Window(DateTimeOffset start, int minutes)
    {
        var local = start.ToOffset(ClinicClock.Shanghai);
        var minuteOfDay = local.Hour * 60 + local.Minute;
        var windowStart = new DateTimeOffset(local.Date, ClinicClock.Shanghai).AddMinutes(minuteOfDay / minutes * minutes);
        return (windowStart.ToUniversalTime(), windowStart.AddMinutes(minutes).ToUniversalTime());
    }
}
