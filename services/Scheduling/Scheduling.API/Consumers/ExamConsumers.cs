using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Consumers;

/// <summary>Replaces an exam room's day: units with the same start and end form one window. A held unit is never released
/// or removed by a sync.</summary>
public sealed class HisExamScheduleSlotsSyncedConsumer(SchedulingDbContext db)
    : IdempotentConsumer<HisExamScheduleSlotsSyncedIntegrationEvent, SchedulingDbContext>(db)
{
    private static readonly Guid Rooms = new("0b6c2f4e-5a51-4c0e-9a53-6b1d8f0e2a11");

    protected override async Task HandleAsync(HisExamScheduleSlotsSyncedIntegrationEvent e, ConsumeContext<HisExamScheduleSlotsSyncedIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        // Several days of one room sync at once: the first creates the room, the others wait for it here instead of
        // failing on its primary key and retrying.
        var roomId = HisIds.Stable(Rooms, e.RoomHisId);
        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO exam_rooms (id, his_id, name, location, service_code, service_name)
            VALUES ({roomId}, {e.RoomHisId}, {e.RoomName}, {e.Location}, {e.ServiceCode}, {e.ServiceName})
            ON CONFLICT DO NOTHING
            """, ct);
        var room = await Db.ExamRooms.FirstAsync(r => r.HisId == e.RoomHisId, ct);
        room.Name = e.RoomName;
        room.Location = e.Location;
        room.ServiceCode = e.ServiceCode;
        room.ServiceName = e.ServiceName;

        var slots = await Db.ExamSlots.Where(s => s.ScheduleHisId == e.ScheduleHisId && s.Date == e.Date).ToListAsync(ct);
        var slotIds = slots.Select(s => s.Id).ToList();
        var ids = e.Slots.Select(s => s.HisId).ToList();
        var units = await Db.ExamUnits.Where(u => slotIds.Contains(u.SlotId) || ids.Contains(u.HisId)).ToDictionaryAsync(u => u.HisId, ct);
        var incoming = e.Slots.Where(s => s.Status != "entered-in-error").ToList();
        foreach (var hisSlot in incoming)
        {
            var (start, end) = (hisSlot.Start.ToUniversalTime(), hisSlot.End.ToUniversalTime());
            var slot = slots.FirstOrDefault(s => s.StartsAt == start && s.EndsAt == end);
            if (slot is null)
            {
                slot = new ExamSlot { RoomId = room.Id, ScheduleHisId = e.ScheduleHisId, Date = e.Date, StartsAt = start, EndsAt = end };
                slots.Add(slot);
                Db.ExamSlots.Add(slot);
            }
            if (units.TryGetValue(hisSlot.HisId, out var unit))
            {
                unit.SlotId = slot.Id;
                unit.HisStatus = hisSlot.Status;
            }
            else
            {
                unit = new ExamUnit { HisId = hisSlot.HisId, SlotId = slot.Id, HisStatus = hisSlot.Status };
                units[unit.HisId] = unit;
                Db.ExamUnits.Add(unit);
            }
        }
        await Db.SaveChangesAsync(ct);

        var kept = incoming.Select(s => s.HisId).ToList();
        var daySlots = slots.Select(s => s.Id).ToList();
        await Db.ExamUnits.Where(u => daySlots.Contains(u.SlotId) && !kept.Contains(u.HisId) && u.HeldBy == null).ExecuteDeleteAsync(ct);
        await Db.ExamSlots.Where(s => daySlots.Contains(s.Id) && !Db.ExamUnits.Any(u => u.SlotId == s.Id)
            && !Db.ExamAppointments.Any(a => a.SlotId == s.Id)).ExecuteDeleteAsync(ct);
    }
}

/// <summary>An order for one platform patient, created or brought up to date (a closed order can no longer be booked).</summary>
public sealed class HisExamOrderSyncedConsumer(SchedulingDbContext db)
    : IdempotentConsumer<HisExamOrderSyncedIntegrationEvent, SchedulingDbContext>(db)
{
    private static readonly Guid Orders = new("0b6c2f4e-5a51-4c0e-9a53-6b1d8f0e2a12");

    public static Guid OrderId(string orderHisId, Guid patientId) => HisIds.Stable(Orders, $"{orderHisId}|{patientId:N}");

    protected override async Task HandleAsync(HisExamOrderSyncedIntegrationEvent e, ConsumeContext<HisExamOrderSyncedIntegrationEvent> context)
    {
        var id = OrderId(e.OrderHisId, e.PatientId);
        var order = await Db.ExamOrders.FirstOrDefaultAsync(o => o.Id == id, context.CancellationToken);
        if (order is null)
        {
            order = new ExamOrder
            {
                Id = id, HisId = e.OrderHisId, PatientId = e.PatientId, ItemCode = e.ItemCode, ItemName = e.ItemName, Category = e.Category,
                ServiceCode = e.ServiceCode, Preparation = e.Preparation, OrderedBy = e.OrderedBy, Status = e.Status,
            };
            Db.ExamOrders.Add(order);
        }
        order.ItemCode = e.ItemCode;
        order.ItemName = e.ItemName;
        order.Category = e.Category;
        order.ServiceCode = e.ServiceCode;
        order.Preparation = e.Preparation;
        order.FastingRequired = e.FastingRequired;
        order.OrderedBy = e.OrderedBy;
        order.OrderedAt = e.OrderedAt;
        order.Status = e.Status;
    }
}
