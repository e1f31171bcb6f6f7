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
        var comment = command.Outage ? command.Reason : $"限号：{command.Reason}";
        // 限号 closes only free slots: one booked meanwhile (at the HIS window) stays its patient's. Broken equipment
        // closes the listed slots whatever their state: the platform cancels its own bookings on them separately.
        Func<Slot, bool> shouldClose = command.Outage
            ? s => s.Status is Slot.SlotStatus.Free or Slot.SlotStatus.Busy
            : s => s.Status == Slot.SlotStatus.Free;
        return await EachAsync(command.SlotHisIds, slot => UpdateAsync(slot, Slot.SlotStatus.BusyUnavailable, comment, shouldClose, ct), ct);
    }

    /// <summary>设备恢复: only slots still closed for an equipment outage reopen; one the HIS closed for another reason, or
    /// booked or freed meanwhile, is left as the HIS has it.</summary>
    public async Task<CommandOutcome> ReopenSlotsAsync(ReopenSlotsCommand command, CancellationToken ct) =>
        await EachAsync(command.SlotHisIds, slot => UpdateAsync(slot, Slot.SlotStatus.Free, command.Reason,
            s => s.Status == Slot.SlotStatus.BusyUnavailable && (s.Comment ?? "").StartsWith(OutagePrefix, StringComparison.Ordinal), ct), ct);

    /// <summary>What an outage's close writes as the slot's comment, as Scheduling words it.</summary>
    public const string OutagePrefix = "设备故障";

    private async Task<CommandOutcome> EachAsync(IReadOnlyList<string> ids, Func<Slot, Task<bool>> update, CancellationToken ct)
    {
        var stale = 0;
        foreach (var id in ids.Distinct())
        {
            Slot slot;
            try
            {
                slot = await his.ReadByIdAsync<Slot>(id, ct);
            }
            catch (FhirOperationException ex) when (ex.IsNotFound())
            {
                continue; // gone from the HIS timetable: nothing left to change
            }
            if (!await update(slot)) stale++;
        }
        return stale == 0 ? CommandOutcome.Done : CommandOutcome.RetryLater($"{stale} slot(s) kept changing at the HIS");
    }

    private Task<bool> CloseAsync(Slot slot, string comment, Func<Slot, bool> shouldClose, CancellationToken ct) =>
        UpdateAsync(slot, Slot.SlotStatus.BusyUnavailable, comment, shouldClose, ct);

    /// <summary>False when the HIS changed the slot under us every time we read it; the command then runs again later.</summary>
    private async Task<bool> UpdateAsync(Slot slot, Slot.SlotStatus status, string comment, Func<Slot, bool> shouldChange, CancellationToken ct)
    {
        for (var read = 1; ; read++)
        {
            if (!shouldChange(slot)) return true;
            slot.Status = status;
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
