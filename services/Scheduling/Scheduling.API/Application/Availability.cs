using Microsoft.EntityFrameworkCore;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Application;

public sealed record UnitCounts(int Capacity, int Remaining, int Closed);

/// <summary>Capacity and what is left, counted in PostgreSQL from the units: remaining = free units, not held, not closed,
/// in windows that have not started; a session held for a waitlist has none left for others (its free units are offered
/// to the waitlist first, <see cref="WaitlistReservations"/>).</summary>
public sealed class Availability(SchedulingDbContext db, ClinicClock clinic)
{
    public async Task<Dictionary<Guid, UnitCounts>> BySessionAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct)
    {
        var now = clinic.Now;
        var counts = await (from u in db.Units
                      join s in db.Slots on u.SlotId equals s.Id
                      where sessionIds.Contains(u.SessionId)
                      group new { u, s } by u.SessionId into g
                      select new
                      {
                          g.Key,
                          Capacity = g.Count(),
                          Remaining = g.Count(x => x.u.HeldBy == null && !x.u.Closed && x.u.HisStatus == SlotUnit.Free && x.s.StartsAt > now),
                          Closed = g.Count(x => x.u.Closed && x.u.HeldBy == null),
                      }).ToDictionaryAsync(x => x.Key, x => new UnitCounts(x.Capacity, x.Remaining, x.Closed), ct);
        foreach (var waited in await WaitedAsync(sessionIds, ct))
            if (counts.TryGetValue(waited, out var c)) counts[waited] = c with { Remaining = 0 };
        return counts;
    }

    public async Task<Dictionary<Guid, UnitCounts>> BySlotAsync(IReadOnlyCollection<Guid> slotIds, CancellationToken ct)
    {
        var counts = await db.Units.Where(u => slotIds.Contains(u.SlotId)).GroupBy(u => u.SlotId)
            .Select(g => new
            {
                g.Key,
                Capacity = g.Count(),
                Remaining = g.Count(u => u.HeldBy == null && !u.Closed && u.HisStatus == SlotUnit.Free),
                Closed = g.Count(u => u.Closed && u.HeldBy == null),
            }).ToDictionaryAsync(x => x.Key, x => new UnitCounts(x.Capacity, x.Remaining, x.Closed), ct);
        var held = db.HeldForWaitlist(db.Sessions);
        var waited = await db.Slots.Where(s => slotIds.Contains(s.Id) && held.Contains(s.SessionId)).Select(s => s.Id).ToListAsync(ct);
        foreach (var slot in waited)
            if (counts.TryGetValue(slot, out var c)) counts[slot] = c with { Remaining = 0 };
        return counts;
    }

    private async Task<List<Guid>> WaitedAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct) =>
        await db.HeldForWaitlist(db.Sessions.Where(s => sessionIds.Contains(s.Id))).ToListAsync(ct);

    public string SessionStatus(ClinicSession session, UnitCounts counts) =>
        session.Stopped ? "stopped"
        : !clinic.IsReleased(session.Date) ? "notReleased"
        : counts.Remaining > 0 ? "open"
        : "full";

    public string SlotStatus(ClinicSession session, Slot slot, UnitCounts counts) =>
        session.Stopped || (counts.Remaining == 0 && counts.Closed > 0) ? "stopped"
        : slot.StartsAt <= clinic.Now ? "past"
        : !clinic.IsReleased(session.Date) ? "notReleased"
        : counts.Remaining > 0 ? "open"
        : "full";
}
