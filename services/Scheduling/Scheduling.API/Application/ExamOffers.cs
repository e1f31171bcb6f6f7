using Platform.Messaging.PatientLinks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;
using Scheduling.API.Infrastructure.EntityConfigurations;

namespace Scheduling.API.Application;

public sealed record ExamOfferDto(
    Guid Id, Guid PatientId, Guid OrderId, string ItemName, string RoomName, string Location, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, DateTimeOffset HoldUntil, string Status, string StatusText, Guid? AppointmentId);

/// <summary>X13 for exams: the window held for a patient whose exam a 设备故障 cancelled, taken in one tap through the
/// normal exam booking (overlap rule, HIS booking request), given back on 放弃 or when its hold lapses. Holding and
/// giving back are the exam units' conditional updates, so a hold never oversells a window.</summary>
public sealed class ExamOffers(
    SchedulingDbContext db, ClinicClock clinic, ExamBooking exams, AppointmentBooking booking, IOptions<SchedulingOptions> options)
{
    private const int Candidates = 50;

    /// <summary>In the outage's transaction, with the patient locked (<see cref="ExamBooking.LockPatientAsync"/>): the
    /// earliest window of the order's service (any room) after the cancelled exam and now, within
    /// Scheduling:ExamRebookingSearchDays, outside the outage, overlapping neither the patient's other active exams nor
    /// their other holds. Null when nothing fits or the order is no longer open.</summary>
    public async Task<ExamOffer?> OfferAsync(ExamAppointment cancelled, ExamRoomOutage outage, IReadOnlyCollection<Guid> cancelledIds,
        CancellationToken ct)
    {
        var order = await db.ExamOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == cancelled.OrderId, ct);
        if (order is null || !order.IsOpen) return null;
        var now = clinic.Now;
        var until = cancelled.StartsAt.AddDays(options.Value.ExamRebookingSearchDays);
        var candidates = await (
            from s in db.ExamSlots
            join r in db.ExamRooms on s.RoomId equals r.Id
            where r.ServiceCode == order.ServiceCode && s.StartsAt > cancelled.StartsAt && s.StartsAt > now && s.StartsAt < until
                  && !(s.RoomId == outage.RoomId && s.StartsAt < outage.To && s.EndsAt > outage.From)
                  && db.ExamUnits.Any(u => u.SlotId == s.Id && u.HeldBy == null && u.OutageId == null && u.HisStatus == SlotUnit.Free)
            orderby s.StartsAt, r.Name
            select new { Slot = s, Room = r }).AsNoTracking().Take(Candidates).ToListAsync(ct);
        if (candidates.Count == 0) return null;
        var held = await db.ExamOffers.AsNoTracking().Where(o => o.PatientId == cancelled.PatientId && o.Status == SlotOffer.Open)
            .Select(o => new { o.StartsAt, o.EndsAt }).ToListAsync(ct);
        held.AddRange(db.ExamOffers.Local.Where(o => o.PatientId == cancelled.PatientId && o.Status == SlotOffer.Open)
            .Select(o => new { o.StartsAt, o.EndsAt }));
        foreach (var x in candidates)
        {
            if (held.Any(h => h.StartsAt < x.Slot.EndsAt && h.EndsAt > x.Slot.StartsAt)) continue;
            if (await exams.ClashAsync(cancelled.PatientId, x.Slot.StartsAt, x.Slot.EndsAt, cancelledIds, ct) is not null) continue;
            var offerId = Guid.CreateVersion7();
            if (await db.TakeExamUnitAsync(x.Slot.Id, offerId, ct) is not { } unit) continue;
            var offer = new ExamOffer
            {
                Id = offerId, AccountId = cancelled.AccountId, PatientId = cancelled.PatientId, OrderId = order.Id, OutageId = outage.Id,
                CancelledAppointmentId = cancelled.Id, ItemName = order.ItemName, SlotId = x.Slot.Id, UnitId = unit.Id, UnitHisId = unit.HisId,
                RoomName = x.Room.Name, Location = x.Room.Location, StartsAt = x.Slot.StartsAt, EndsAt = x.Slot.EndsAt, CreatedAt = now,
                HoldUntil = Earlier(now + options.Value.OfferHold, x.Slot.StartsAt),
            };
            db.ExamOffers.Add(offer);
            return offer;
        }
        return null;
    }

    public async Task<List<ExamOfferDto>> LiveAsync(Guid account, Guid patientId, CancellationToken ct)
    {
        await exams.RequireLinkedAsync(account, patientId, ct);
        var now = clinic.Now;
        var offers = await db.ExamOffers.AsNoTracking()
            .Where(o => o.PatientId == patientId && o.Status == SlotOffer.Open && o.HoldUntil > now).OrderBy(o => o.StartsAt).ToListAsync(ct);
        return offers.Select(ToDto).ToList();
    }

    /// <summary>一键改约: the held unit becomes the order's exam appointment (锁号中, HIS booking request). A repeated tap,
    /// serialised on the offer's row, answers with the same appointment.</summary>
    public async Task<ExamAppointmentDto> AcceptAsync(Guid account, Guid id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var offer = await LockAsync(account, id, ct);
        if (offer.Status == SlotOffer.Accepted)
            return exams.ToDto(await db.ExamAppointments.AsNoTracking().FirstAsync(a => a.Id == offer.AppointmentId, ct));
        if (offer.Status == SlotOffer.Declined) throw ProblemException.Conflict("offer_declined", "您已放弃该时段，请重新预约");
        if (offer.Status != SlotOffer.Open || clinic.Now >= offer.HoldUntil) throw Lapsed();
        var order = await db.ExamOrders.AsNoTracking().FirstAsync(o => o.Id == offer.OrderId, ct);
        if (!order.IsOpen) throw ProblemException.Conflict("order_closed", "该检查申请已完成或已撤销，不能预约");
        await booking.RequireMayBookAsync(account, offer.PatientId, ct);
        await exams.LockPatientAsync(offer.PatientId, ct);
        await exams.RequireBookableAsync(order, offer.StartsAt, offer.EndsAt, ct);

        var appointmentId = Guid.CreateVersion7();
        if (!await db.HandOverExamAsync(offer.UnitId, offer.Id, appointmentId, ct)) throw Lapsed();
        var slot = await db.ExamSlots.AsNoTracking().FirstAsync(s => s.Id == offer.SlotId, ct);
        var appointment = exams.Place(appointmentId, account, order, slot, offer.RoomName, offer.Location, offer.UnitId, offer.UnitHisId);
        offer.Accept(appointment.Id, clinic.Now);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return exams.ToDto(appointment);
    }

    /// <summary>放弃: the unit is free again; asking again changes nothing.</summary>
    public async Task<ExamOfferDto> DeclineAsync(Guid account, Guid id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var offer = await LockAsync(account, id, ct);
        if (offer.Status == SlotOffer.Accepted) throw ProblemException.Conflict("offer_accepted", "该时段已改约成功，如需取消请取消新的检查预约");
        if (offer.Status == SlotOffer.Open) await CloseAsync(offer, SlotOffer.Declined, clinic.Now, ct);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return ToDto(offer);
    }

    /// <summary>Lapsed holds give their unit back; rows are claimed with SKIP LOCKED so replicas share the work.
    /// True when a full batch was found (more may be waiting).</summary>
    public async Task<bool> ExpireAsync(DateTimeOffset now, int batch, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lapsed = await db.ExamOffers
            .FromSql($"SELECT *, xmin FROM exam_offers WHERE status = 'open' AND hold_until <= {now} ORDER BY hold_until LIMIT {batch} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        foreach (var offer in lapsed) await CloseAsync(offer, SlotOffer.Expired, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return lapsed.Count == batch;
    }

    private async Task CloseAsync(ExamOffer offer, string status, DateTimeOffset now, CancellationToken ct)
    {
        await db.HandOverExamAsync(offer.UnitId, offer.Id, null, ct);
        if (status == SlotOffer.Declined) offer.Decline(now);
        else offer.Expire(now);
    }

    /// <summary>Locked for this transaction; an offer of a patient the account is not linked to does not exist for it.</summary>
    private async Task<ExamOffer> LockAsync(Guid account, Guid id, CancellationToken ct) =>
        await db.ExamOffers.FromSql($"SELECT *, xmin FROM exam_offers WHERE id = {id} FOR UPDATE")
            .FirstOrDefaultAsync(o => db.PatientLinks.Any(l => l.AccountId == account && l.PatientId == o.PatientId), ct)
        ?? throw new ProblemException(404, "offer_not_found", "保留的检查时段不存在");

    private Task SaveAsync(CancellationToken ct) =>
        db.SaveOrConflictAsync(ProblemException.Conflict("offer_changed", "保留时段刚刚发生变化，请刷新后重试"),
            ExamAppointmentConfiguration.OneActivePerOrder, ExamBooking.AlreadyBooked, ct);

    private static ProblemException Lapsed() => ProblemException.Conflict("offer_expired", "保留时间已过，该时段已释放，请重新预约");

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    public static ExamOfferDto ToDto(ExamOffer o) => new(
        o.Id, o.PatientId, o.OrderId, o.ItemName, o.RoomName, o.Location, o.StartsAt, o.EndsAt, o.HoldUntil, o.Status,
        SlotOffer.TextOf(o.Status), o.AppointmentId);
}
