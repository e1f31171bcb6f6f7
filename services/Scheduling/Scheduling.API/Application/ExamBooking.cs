using Platform.Messaging.PatientLinks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Contracts.His;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;
using Scheduling.API.Infrastructure.EntityConfigurations;

namespace Scheduling.API.Application;

public sealed record ExamAppointmentDto(
    Guid Id, Guid OrderId, Guid PatientId, string ItemName, string RoomName, string Location, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, string Status, string StatusText, string? FailureReason, bool CanCancel = false,
    DateTimeOffset? CancelDeadline = null, DateTimeOffset? RemindedAt = null);

public sealed record ExamOrderDto(
    Guid Id, Guid PatientId, string ItemCode, string ItemName, string Category, string ServiceCode, string Preparation,
    bool FastingRequired, string OrderedBy, DateTimeOffset OrderedAt, string Status, ExamAppointmentDto? Appointment);

public sealed record ExamSlotDto(
    Guid Id, string RoomName, string Location, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int Remaining);

public sealed record ExamPlanItem(
    Guid OrderId, string ItemName, bool FastingRequired, string Preparation, Guid SlotId, string RoomName, string Location,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed record ExamPlanDto(Guid PatientId, DateOnly? Date, List<ExamPlanItem> Items, List<Guid> Unplaced);

/// <summary>检查检验集中预约: a patient's orders, the windows each can be booked in, a day's plan, and the booking itself.
/// A booking takes a unit with the clinic slots' conditional update and checks, under a per-patient advisory lock inside
/// its transaction, that the patient's exams do not overlap.</summary>
public sealed class ExamBooking(
    SchedulingDbContext db, IdempotencyKeys keys, IIntegrationEventOutbox outbox, ClinicClock clinic, AppointmentBooking booking,
    AppointmentNews news, IOptions<SchedulingOptions> options)
{
    public const int HorizonDays = 14;
    public static readonly TimeSpan Gap = TimeSpan.FromMinutes(15);
    /// <summary>Fasting exams start before this (local): a patient cannot be asked to fast into the afternoon.</summary>
    public static readonly TimeOnly FastingBefore = new(11, 0);

    public async Task<List<ExamOrderDto>> OrdersAsync(Guid account, Guid patientId, CancellationToken ct)
    {
        await RequireLinkedAsync(account, patientId, ct);
        var orders = await db.ExamOrders.AsNoTracking().Where(o => o.PatientId == patientId).OrderBy(o => o.OrderedAt).ToListAsync(ct);
        var ids = orders.Select(o => o.Id).ToList();
        var appointments = (await db.ExamAppointments.AsNoTracking().Where(a => ids.Contains(a.OrderId)).ToListAsync(ct))
            .GroupBy(a => a.OrderId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.IsActive).ThenByDescending(a => a.CreatedAt).First());
        return orders.Select(o => ToDto(o, appointments.GetValueOrDefault(o.Id))).ToList();
    }

    public async Task<List<ExamSlotDto>> SlotsAsync(Guid account, Guid orderId, DateOnly? date, CancellationToken ct)
    {
        var order = await OwnOrderAsync(account, orderId, ct);
        return await OpenSlotsAsync(order.ServiceCode, date, ct);
    }

    public async Task<ExamPlanDto> PlanAsync(Guid account, Guid patientId, CancellationToken ct)
    {
        await RequireLinkedAsync(account, patientId, ct);
        var booked = await db.ExamAppointments.AsNoTracking()
            .Where(a => a.PatientId == patientId && AppointmentStatus.Active.Contains(a.Status)).ToListAsync(ct);
        // An order with a window held after 设备故障 is answered by 一键改约 or 放弃, not planned again.
        var bookedOrders = booked.Select(a => a.OrderId).ToHashSet();
        bookedOrders.UnionWith(await db.ExamOffers.AsNoTracking()
            .Where(o => o.PatientId == patientId && o.Status == SlotOffer.Open && o.HoldUntil > clinic.Now).Select(o => o.OrderId).ToListAsync(ct));
        var open = (await db.ExamOrders.AsNoTracking().Where(o => o.PatientId == patientId && o.Status == "active").ToListAsync(ct))
            .Where(o => !bookedOrders.Contains(o.Id)).ToList();
        if (open.Count == 0) return new ExamPlanDto(patientId, null, [], []);
        var slots = new Dictionary<string, List<ExamSlotDto>>();
        // A plan leaves time to get to the hospital (and to change one's mind online): nothing inside the cancel cut-off.
        var earliest = clinic.Now + options.Value.CancelCutoff;
        foreach (var code in open.Select(o => o.ServiceCode).Distinct())
            slots[code] = (await OpenSlotsAsync(code, null, ct)).Where(s => s.StartsAt >= earliest).ToList();
        var busy = booked.Select(a => (a.StartsAt, a.EndsAt)).ToList();
        return ExamPlanner.Plan(patientId, open, slots, busy, clinic.Today);
    }

    public async Task<ExamAppointmentDto> BookAsync(Guid account, string key, Guid orderId, Guid slotId, CancellationToken ct)
    {
        var hash = IdempotencyKeys.Hash("exam", orderId.ToString(), slotId.ToString());
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await keys.ClaimAsync<ExamAppointmentDto>(account, key, hash, ct) is { } replay) return replay;
        var order = await OwnOrderAsync(account, orderId, ct);
        if (!order.IsOpen) throw ProblemException.Conflict("order_closed", "该检查申请已完成或已撤销，不能预约");
        await booking.RequireMayBookAsync(account, order.PatientId, ct);
        var target = await (from s in db.ExamSlots join r in db.ExamRooms on s.RoomId equals r.Id where s.Id == slotId select new { s, r })
            .AsNoTracking().FirstOrDefaultAsync(ct) ?? throw new ProblemException(404, "slot_not_found", "号源不存在");
        if (target.r.ServiceCode != order.ServiceCode)
            throw new ProblemException(422, "slot_not_for_order", $"该时段不是{order.ItemName}的检查时段，请重新选择");
        if (target.s.StartsAt <= clinic.Now) throw new ProblemException(422, "slot_past", "该时段已过，请选择其他时段");

        await LockPatientAsync(order.PatientId, ct);
        await RequireBookableAsync(order, target.s.StartsAt, target.s.EndsAt, ct);

        var id = Guid.CreateVersion7();
        var unit = await db.TakeExamUnitAsync(target.s.Id, id, ct)
            ?? throw ProblemException.Conflict("slot_full", "该时段已约满，请选择其他时段");
        var appointment = Place(id, account, order, target.s, target.r.Name, target.r.Location, unit.Id, unit.HisId);
        // Booked another way: a window still held for this order after 设备故障 is not needed any more.
        foreach (var offer in await db.ExamOffers.Where(o => o.OrderId == order.Id && o.Status == SlotOffer.Open).ToListAsync(ct))
        {
            await db.HandOverExamAsync(offer.UnitId, offer.Id, null, ct);
            offer.Expire(clinic.Now);
        }
        var dto = ToDto(appointment);
        keys.Record(account, key, hash, StatusCodes.Status202Accepted, dto);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
                                          && pg.ConstraintName == ExamAppointmentConfiguration.OneActivePerOrder)
        {
            throw AlreadyBooked();
        }
        await tx.CommitAsync(ct);
        return dto;
    }

    /// <summary>The patient (or an account acting for them) cancels up to Scheduling:CancelCutoff before the exam: the
    /// unit is free again, the HIS is asked to cancel at once (the adapter sends it after the booking it cancels: same HIS
    /// slot), and open pages hear of it, all in one commit.</summary>
    public async Task<ExamAppointmentDto> CancelAsync(Guid account, Guid appointmentId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var appointment = await db.ExamAppointments
            .FromSql($"SELECT * FROM exam_appointments WHERE id = {appointmentId} FOR UPDATE")
            .FirstOrDefaultAsync(a => db.PatientLinks.Any(l => l.AccountId == account && l.PatientId == a.PatientId), ct)
            ?? throw new ProblemException(404, "appointment_not_found", "检查预约不存在");
        if (!appointment.IsActive)
            throw ProblemException.Conflict("not_cancellable", $"该检查预约{AppointmentStatus.TextOf(appointment.Status)}，不能再取消");
        if (clinic.Now >= CancelDeadline(appointment))
            throw ProblemException.Conflict("cancel_too_late",
                $"距检查开始已不足{options.Value.CancelCutoff.TotalHours:0.#}小时，不能在线取消，请联系医院");
        appointment.Cancel(clinic.Now);
        var unit = await db.ExamUnits.FirstOrDefaultAsync(u => u.Id == appointment.UnitId, ct);
        if (unit?.HeldBy == appointment.Id) unit.HeldBy = null;
        news.StatusChanged(appointment);
        // Asked even while the HIS is still deciding: the freed unit may be booked by someone else right away.
        news.HisCancelRequested(appointment, ExamAppointment.CancelledByPatient);
        news.ExamCancelled(appointment, ExamAppointment.CancelledByPatient);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToDto(appointment);
    }

    /// <summary>One patient's bookings (and outage holds, <see cref="ExamOffers"/>) queue here inside their transaction,
    /// so two tabs cannot book overlapping exams past each other's check.</summary>
    public async Task LockPatientAsync(Guid patientId, CancellationToken ct)
    {
        var lockName = $"scheduling-exams:{patientId:N}";
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({lockName}, 0))", ct);
    }

    /// <summary>Under <see cref="LockPatientAsync"/>: the order is not booked already and the window does not overlap
    /// the patient's other active exams.</summary>
    public async Task RequireBookableAsync(ExamOrder order, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken ct)
    {
        if (await db.ExamAppointments.AnyAsync(a => a.OrderId == order.Id && AppointmentStatus.Active.Contains(a.Status), ct))
            throw AlreadyBooked();
        if (await ClashAsync(order.PatientId, startsAt, endsAt, [], ct) is { } clash)
            throw ProblemException.Conflict("time_conflict",
                $"与已预约的{clash.ItemName}（{clash.StartsAt.ToOffset(ClinicClock.Shanghai):M月d日 HH:mm}）时间重叠，请选择其他时段");
    }

    /// <summary>The overlap rule: the patient's first active exam (other than <paramref name="except"/>) overlapping the window.</summary>
    public Task<ExamAppointment?> ClashAsync(Guid patientId, DateTimeOffset startsAt, DateTimeOffset endsAt, IReadOnlyCollection<Guid> except,
        CancellationToken ct) =>
        db.ExamAppointments.AsNoTracking()
            .Where(a => a.PatientId == patientId && AppointmentStatus.Active.Contains(a.Status) && !except.Contains(a.Id)
                        && a.StartsAt < endsAt && a.EndsAt > startsAt)
            .FirstOrDefaultAsync(ct);

    /// <summary>The booking itself, on a unit the caller already holds for <paramref name="id"/>: 锁号中 and the HIS is asked.</summary>
    public ExamAppointment Place(Guid id, Guid account, ExamOrder order, ExamSlot slot, string roomName, string location, Guid unitId,
        string unitHisId)
    {
        var now = clinic.Now;
        var appointment = new ExamAppointment
        {
            Id = id, AccountId = account, PatientId = order.PatientId, OrderId = order.Id, OrderHisId = order.HisId, ItemName = order.ItemName,
            SlotId = slot.Id, UnitId = unitId, UnitHisId = unitHisId, RoomName = roomName, Location = location,
            StartsAt = slot.StartsAt, EndsAt = slot.EndsAt, CreatedAt = now, UpdatedAt = now,
        };
        db.ExamAppointments.Add(appointment);
        outbox.Add(new HisAppointmentRequestedIntegrationEvent(appointment.Id, appointment.PatientId, unitHisId, order.ItemName, order.HisId));
        return appointment;
    }

    public async Task<List<ExamAppointmentDto>> AppointmentsAsync(Guid account, Guid patientId, CancellationToken ct)
    {
        await RequireLinkedAsync(account, patientId, ct);
        var appointments = await db.ExamAppointments.AsNoTracking().Where(a => a.PatientId == patientId).OrderBy(a => a.StartsAt).ToListAsync(ct);
        var ids = appointments.Select(a => a.Id).ToList();
        var reminded = await db.Reminders.AsNoTracking().Where(r => ids.Contains(r.AppointmentId))
            .ToDictionaryAsync(r => r.AppointmentId, r => r.RemindedAt, ct);
        return appointments.Select(a => ToDto(a) with { RemindedAt = reminded.TryGetValue(a.Id, out var at) ? at : null }).ToList();
    }

    private async Task<List<ExamSlotDto>> OpenSlotsAsync(string serviceCode, DateOnly? date, CancellationToken ct)
    {
        var now = clinic.Now;
        var until = now.AddDays(HorizonDays);
        var query = from s in db.ExamSlots
                    join r in db.ExamRooms on s.RoomId equals r.Id
                    where r.ServiceCode == serviceCode && s.StartsAt > now && s.StartsAt < until
                    select new
                    {
                        s.Id, s.Date, RoomName = r.Name, r.Location, s.StartsAt, s.EndsAt,
                        Capacity = db.ExamUnits.Count(u => u.SlotId == s.Id),
                        Remaining = db.ExamUnits.Count(u => u.SlotId == s.Id && u.HeldBy == null && u.OutageId == null && u.HisStatus == SlotUnit.Free),
                    };
        if (date is { } day) query = query.Where(s => s.Date == day);
        var rows = await query.Where(s => s.Remaining > 0).OrderBy(s => s.StartsAt).ThenBy(s => s.RoomName).Take(2000).ToListAsync(ct);
        return rows.Select(s => new ExamSlotDto(s.Id, s.RoomName, s.Location, s.StartsAt, s.EndsAt, s.Capacity, s.Remaining)).ToList();
    }

    public async Task RequireLinkedAsync(Guid account, Guid patientId, CancellationToken ct)
    {
        if (!await db.PatientLinks.MayActForAsync(account, patientId, ct))
            throw new ProblemException(403, "patient_not_linked", "该就诊人不属于当前账号，请先添加就诊人");
    }

    private async Task<ExamOrder> OwnOrderAsync(Guid account, Guid orderId, CancellationToken ct) =>
        await db.ExamOrders.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Id == orderId && db.PatientLinks.Any(l => l.AccountId == account && l.PatientId == o.PatientId), ct)
        ?? throw new ProblemException(404, "order_not_found", "检查申请不存在");

    public static ProblemException AlreadyBooked() => ProblemException.Conflict("already_booked", "该检查已预约，无需重复预约");

    private DateTimeOffset CancelDeadline(ExamAppointment a) => a.StartsAt - options.Value.CancelCutoff;

    private ExamOrderDto ToDto(ExamOrder o, ExamAppointment? a) =>
        new(o.Id, o.PatientId, o.ItemCode, o.ItemName, o.Category, o.ServiceCode, o.Preparation, o.FastingRequired, o.OrderedBy, o.OrderedAt,
            o.Status, a is null ? null : ToDto(a));

    public ExamAppointmentDto ToDto(ExamAppointment a) =>
        new(a.Id, a.OrderId, a.PatientId, a.ItemName, a.RoomName, a.Location, a.StartsAt, a.EndsAt, a.Status,
            AppointmentStatus.TextOf(a.Status), a.FailureReason, a.IsActive && clinic.Now < CancelDeadline(a), CancelDeadline(a));
}

/// <summary>One day for all open orders: fasting exams first and in the morning, 15 minutes between exams, around what
/// the patient already booked; the earliest day that fits them all, else the day that fits most.</summary>
public static class ExamPlanner
{
    public static ExamPlanDto Plan(Guid patientId, List<ExamOrder> open, Dictionary<string, List<ExamSlotDto>> slots,
        List<(DateTimeOffset Start, DateTimeOffset End)> busy, DateOnly today)
    {
        var ordered = open.OrderByDescending(o => o.FastingRequired).ThenBy(o => o.OrderedAt).ThenBy(o => o.Id).ToList();
        (DateOnly Day, List<ExamPlanItem> Items)? best = null;
        for (var day = today; day < today.AddDays(ExamBooking.HorizonDays); day = day.AddDays(1))
        {
            var items = PlanDay(day, ordered, slots, busy);
            if (items.Count == ordered.Count) { best = (day, items); break; }
            if (items.Count > (best?.Items.Count ?? 0)) best = (day, items);
        }
        var placed = best?.Items ?? [];
        return new ExamPlanDto(patientId, best?.Day, placed.OrderBy(i => i.StartsAt).ToList(),
            ordered.Select(o => o.Id).Where(id => placed.All(i => i.OrderId != id)).ToList());
    }

    private static List<ExamPlanItem> PlanDay(DateOnly day, List<ExamOrder> orders, Dictionary<string, List<ExamSlotDto>> slots,
        List<(DateTimeOffset Start, DateTimeOffset End)> busy)
    {
        var taken = new List<(DateTimeOffset Start, DateTimeOffset End)>(busy);
        var items = new List<ExamPlanItem>();
        var fastingUntil = ClinicClock.At(day, ExamBooking.FastingBefore);
        foreach (var order in orders)
        {
            var slot = slots.GetValueOrDefault(order.ServiceCode, [])
                .Where(s => ClinicClock.LocalDate(s.StartsAt) == day && (!order.FastingRequired || s.StartsAt < fastingUntil))
                // Fasting exams come before the others (in any order among themselves): no other exam may start before one.
                .Where(s => !order.FastingRequired || items.Where(i => !i.FastingRequired).All(i => i.StartsAt >= s.EndsAt + ExamBooking.Gap))
                .Where(s => order.FastingRequired || items.Where(i => i.FastingRequired).All(i => s.StartsAt >= i.EndsAt + ExamBooking.Gap))
                .FirstOrDefault(s => taken.All(t => s.StartsAt >= t.End + ExamBooking.Gap || s.EndsAt + ExamBooking.Gap <= t.Start));
            if (slot is null) continue;
            taken.Add((slot.StartsAt, slot.EndsAt));
            items.Add(new ExamPlanItem(order.Id, order.ItemName, order.FastingRequired, order.Preparation, slot.Id, slot.RoomName, slot.Location,
                slot.StartsAt, slot.EndsAt));
        }
        return items;
    }
}
