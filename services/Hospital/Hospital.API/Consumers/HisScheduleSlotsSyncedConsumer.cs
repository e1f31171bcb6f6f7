using Hospital.API.Domain;
using Hospital.API.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;

namespace Hospital.API.Consumers;

/// <summary>Turns one schedule-day of HIS slots into the half-day clinic times shown on a doctor's page (until the
/// Scheduling service owns them). The event carries the whole day, so the day is replaced.</summary>
public sealed class HisScheduleSlotsSyncedConsumer(HospitalDbContext db)
    : IdempotentConsumer<HisScheduleSlotsSyncedIntegrationEvent, HospitalDbContext>(db)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    protected override async Task HandleAsync(HisScheduleSlotsSyncedIntegrationEvent e, ConsumeContext<HisScheduleSlotsSyncedIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        var existing = await Db.ClinicSessions.Where(s => s.ScheduleHisId == e.ScheduleHisId && s.Date == e.Date).ToListAsync(ct);
        Db.ClinicSessions.RemoveRange(existing);
        var slots = e.Slots.Where(s => s.Status != "entered-in-error");
        foreach (var half in slots.GroupBy(s => s.Start.ToOffset(ChinaOffset).Hour < 12 ? "上午" : "下午"))
        {
            Db.ClinicSessions.Add(new ClinicSession
            {
                ScheduleHisId = e.ScheduleHisId, PractitionerHisId = e.PractitionerHisId, DepartmentCode = e.DepartmentCode,
                Date = e.Date, Period = half.Key, StartsAt = half.Min(s => s.Start), EndsAt = half.Max(s => s.End),
                TotalSlots = half.Count(), FreeSlots = half.Count(s => s.Status == "free"),
            });
        }
    }
}
