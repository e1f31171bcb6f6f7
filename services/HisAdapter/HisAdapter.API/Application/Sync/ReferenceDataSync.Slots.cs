using HisAdapter.API.Domain;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.His;
using Hl7.Fhir.Rest;
using Platform.Fhir.Client;
using Platform.Fhir.Search;

namespace HisAdapter.API.Application.Sync;

public sealed partial class ReferenceDataSync
{
    /// <summary>Stores changed slots and publishes, per schedule and day that had a change, all of that day's slots.</summary>
    private async Task<int> SyncSlotsAsync(bool full, Dictionary<string, SyncMark> marks, CancellationToken ct)
    {
        var query = new SearchParams().Add("_count", PageSize);
        if (full)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(HisSystems.Shanghai).DateTime);
            var from = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), HisSystems.Shanghai);
            query.AddDate("start", "ge", from).AddDate("start", "lt", from.AddDays(options.Value.SlotDays));
        }
        else
        {
            query.Add("_lastUpdated", "ge" + marks["Slot"].HighWater);
        }
        var fetched = await his.SearchAllAsync<Slot>(query, ct).ToListAsync(ct);
        Advance(marks, "Slot", fetched);

        var incoming = fetched.Select(SlotMapper.ToSynced).OfType<SyncedSlot>().ToList();
        var ids = incoming.Select(s => s.HisId).ToList();
        var known = await db.SyncedSlots.Where(s => ids.Contains(s.HisId)).ToDictionaryAsync(s => s.HisId, ct);
        var changedDays = new HashSet<(string Schedule, DateOnly Day)>();
        foreach (var slot in incoming)
        {
            if (!known.TryGetValue(slot.HisId, out var row))
            {
                db.SyncedSlots.Add(slot);
                changedDays.Add((slot.ScheduleHisId, slot.Day));
                continue;
            }
            if (row.Hash != slot.Hash || republish)
            {
                changedDays.Add((row.ScheduleHisId, row.Day));
                changedDays.Add((slot.ScheduleHisId, slot.Day));
            }
            row.ScheduleHisId = slot.ScheduleHisId;
            row.Day = slot.Day;
            row.StartAt = slot.StartAt;
            row.EndAt = slot.EndAt;
            row.Status = slot.Status;
            row.VersionId = slot.VersionId;
            row.Hash = slot.Hash;
        }
        if (changedDays.Count == 0) return 0;
        await PublishDaysAsync(changedDays, ct);
        return changedDays.Count;
    }

    private async Task PublishDaysAsync(HashSet<(string Schedule, DateOnly Day)> days, CancellationToken ct)
    {
        var schedules = (await his.SearchAllAsync<Schedule>(new SearchParams().Add("_count", PageSize), ct).ToListAsync(ct))
            .Where(s => s.Id is not null).ToDictionary(s => s.Id!);
        var scheduleIds = days.Select(d => d.Schedule).Distinct().ToList();
        var dates = days.Select(d => d.Day).Distinct().ToList();
        // Nothing is saved yet: the day's slots are the stored ones (tracked, so a changed slot reads its new values)
        // and the ones this round adds.
        var stored = await db.SyncedSlots.Where(s => scheduleIds.Contains(s.ScheduleHisId) && dates.Contains(s.Day)).ToListAsync(ct);
        var added = db.ChangeTracker.Entries<SyncedSlot>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
        var slots = stored.Concat(added).DistinctBy(s => s.HisId).ToList();
        Dictionary<string, Location>? rooms = null;
        foreach (var group in slots.GroupBy(s => (s.ScheduleHisId, s.Day)).Where(g => days.Contains(g.Key)))
        {
            var schedule = schedules.GetValueOrDefault(group.Key.ScheduleHisId);
            var ordered = group.OrderBy(s => s.StartAt).ThenBy(s => s.HisId, StringComparer.Ordinal).Select(SlotMapper.ToContract).ToList();
            if (SlotMapper.ExamRoom(schedule) is { } exam)
            {
                rooms ??= (await his.SearchAllAsync<Location>(new SearchParams().Add("_count", PageSize), ct).ToListAsync(ct))
                    .Where(l => l.Id is not null).ToDictionary(l => l.Id!);
                var room = rooms.GetValueOrDefault(exam.RoomId);
                outbox.Add(new HisExamScheduleSlotsSyncedIntegrationEvent(group.Key.ScheduleHisId, exam.RoomId,
                    room?.Name ?? exam.RoomId, room?.Description ?? "", exam.ServiceCode, exam.ServiceName, exam.DepartmentCode,
                    group.Key.Day, ordered));
                continue;
            }
            var (practitioner, department) = SlotMapper.Owner(schedule);
            outbox.Add(new HisScheduleSlotsSyncedIntegrationEvent(group.Key.ScheduleHisId, practitioner, department, group.Key.Day, ordered));
        }
    }
}
