using HisAdapter.API.Domain;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.His;
using Platform.Contracts.Scheduling;
using Hl7.Fhir.Rest;
using Platform.Fhir.Client;
using Platform.Fhir.Search;

namespace HisAdapter.API.Application.Pushes;

public sealed partial class PushEventMapper
{
    private async Task<IReadOnlyList<IntegrationEvent>> ClinicStoppedAsync(PushEnvelope push, CancellationToken ct)
    {
        var schedule = await ReadAsync<Schedule>(push.RequiredReference("schedule", "Schedule"), ct);
        if (!DateOnly.TryParseExact(push.RequiredString("date"), "yyyy-MM-dd", out var date))
            throw PushRejectedException.Invalid("data.date 必须是 yyyy-MM-dd");
        var session = push.RequiredString("session");
        if (session is not ("AM" or "PM")) throw PushRejectedException.Invalid("data.session 必须是 AM 或 PM");
        var affected = push.ReferenceList("affectedSlots", "Slot").Concat(push.ReferenceList("bookedSlots", "Slot")).Distinct().ToList();
        var patients = await db.Appointments
            .Where(a => affected.Contains(a.SlotHisId) && a.Status == HisAppointmentStatus.Confirmed)
            .Select(a => a.PatientId).Distinct().ToListAsync(ct);
        var (startsAt, endsAt) = SessionTimes(date, session);
        syncTrigger.Nudge();
        return [new ClinicStoppedIntegrationEvent(HisIds.SessionKey(schedule.Id!, date, session), Department(schedule),
            Doctor(schedule), startsAt, endsAt, push.OptionalString("reason") ?? "医生停诊", patients)];
    }

    /// <summary>A slot closed by the HIS (busy-unavailable) is a 临时限号; any other slot change only needs a sync.</summary>
    private async Task<IReadOnlyList<IntegrationEvent>> SlotChangedAsync(PushEnvelope push, CancellationToken ct)
    {
        var slot = await ReadAsync<Slot>(push.RequiredReference("slot", "Slot"), ct);
        syncTrigger.Nudge();
        if (slot.Status != Slot.SlotStatus.BusyUnavailable || slot.Start is not { } start || slot.Schedule?.IdFor("Schedule") is not { } scheduleId)
            return [];
        var schedule = await ReadAsync<Schedule>(scheduleId, ct);
        var startsAt = start.ToOffset(HisSystems.Shanghai);
        var session = startsAt.Hour < 13 ? "AM" : "PM";
        var (from, to) = SessionTimes(DateOnly.FromDateTime(startsAt.DateTime), session);
        var free = await his.SearchAsync<Slot>(new SearchParams()
            .AddReference("schedule", "Schedule", scheduleId).AddToken("status", null, "free")
            .AddDate("start", "ge", from).AddDate("start", "lt", to).Add("_count", "200"), ct);
        return [new SlotsLimitedIntegrationEvent(HisIds.SessionKey(scheduleId, DateOnly.FromDateTime(from.DateTime), session), Department(schedule), Doctor(schedule),
            from, free.Matches<Slot>().Count(), slot.Comment ?? "医院临时限号")];
    }

    private static (DateTimeOffset Start, DateTimeOffset End) SessionTimes(DateOnly date, string session) => session == "AM"
        ? (new DateTimeOffset(date.ToDateTime(new TimeOnly(8, 0)), HisSystems.Shanghai), new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), HisSystems.Shanghai))
        : (new DateTimeOffset(date.ToDateTime(new TimeOnly(14, 0)), HisSystems.Shanghai), new DateTimeOffset(date.ToDateTime(new TimeOnly(17, 30)), HisSystems.Shanghai));

    private static string Department(Schedule schedule) =>
        schedule.ServiceType.SelectMany(t => t.Coding).FirstOrDefault()?.Display ?? schedule.ServiceType.FirstOrDefault()?.Text ?? "";

    private static string Doctor(Schedule schedule) =>
        schedule.Actor.FirstOrDefault(a => a.IdFor("Practitioner") is not null)?.Display ?? "";
}
