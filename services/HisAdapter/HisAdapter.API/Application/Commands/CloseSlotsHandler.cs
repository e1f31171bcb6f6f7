using Hl7.Fhir.Rest;
using Platform.Fhir.Client;
using Platform.Fhir.Search;

namespace HisAdapter.API.Application.Commands;

/// <summary>Closes slots at the HIS (busy-unavailable) for a clinic staff stopped or limited on the platform. Every write
/// is version-aware: a slot the HIS changed since we read it is read again and judged again, so a slot booked at the HIS
/// window meanwhile is never taken from its patient by a 限号. Running a command again only closes what is still open.</summary>
public sealed class CloseSlotsHandler(FhirClient his)
{
    private const int ReadsPerSlot = 3;

    public async Task<CommandOutcome> StopSessionAsync(StopSessionCommand command, CancellationToken ct)
    {
        if (command.Period is not ("AM" or "PM") || string.IsNullOrWhiteSpace(command.ScheduleHisId))
            return CommandOutcome.Refused($"no such session {command.ScheduleHisId} {command.Date:yyyy-MM-dd} {command.Period}");
        var day = new DateTimeOffset(command.Date.ToDateTime(TimeOnly.MinValue), HisSystems.Shanghai);
        var (from, to) = command.Period == "AM" ? (day, day.AddHours(13)) : (day.AddHours(13), day.AddDays(1));
        var found = await his.SearchAsync<Slot>(new SearchParams()
            .AddReference("schedule", "Schedule", command.ScheduleHisId)
            .AddDate("start", "ge", from).AddDate("start", "lt", to).Add("_count", "500"), ct);
        // Booked slots close too: the platform cancels its own appointments on them (separate commands), and nobody
        // may take a slot of a stopped clinic.
        var comment = $"停诊：{command.Reason}";
        var stale = 0;
        foreach (var slot in found.Matches<Slot>())
            if (!await CloseAsync(slot, comment, s => s.Status != Slot.SlotStatus.BusyUnavailable, ct)) stale++;
        return stale == 0 ? CommandOutcome.Done : CommandOutcome.RetryLater($"{stale} slot(s) kept changing at the HIS");
    }

    public async Task<CommandOutcome> CloseSlotsAsync(CloseSlotsCommand command, CancellationToken ct)
    {
        var comment = $"限号：{command.Reason}";
        var stale = 0;
        foreach (var id in command.SlotHisIds.Distinct())
        {
            Slot slot;
            try
            {
                slot = await his.ReadByIdAsync<Slot>(id, ct);
            }
            catch (FhirOperationException ex) when (ex.IsNotFound())
            {
                continue; // gone from the HIS timetable: nothing left to close
            }
            // Only free slots: one booked meanwhile (at the HIS window) stays its patient's.
            if (!await CloseAsync(slot, comment, s => s.Status == Slot.SlotStatus.Free, ct)) stale++;
        }
        return stale == 0 ? CommandOutcome.Done : CommandOutcome.RetryLater($"{stale} slot(s) kept changing at the HIS");
    }

    /// <summary>False when the HIS changed the slot under us every time we read it; the command then runs again later.</summary>
    private async Task<bool> CloseAsync(Slot slot, string comment, Func<Slot, bool> shouldClose, CancellationToken ct)
    {
        for (var read = 1; ; read++)
        {
            if (!shouldClose(slot)) return true;
            slot.Status = Slot.SlotStatus.BusyUnavailable;
            slot.Comment = comment;
            try
            {
                await his.UpdateAsync(slot, versionAware: true, ct);
                return true;
            }
            catch (FhirOperationException ex) when (ex.IsConflict())
            {
                if (read == ReadsPerSlot) return false;
                slot = await his.ReadByIdAsync<Slot>(slot.Id!, ct);
            }
        }
    }
}
