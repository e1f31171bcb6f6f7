using Microsoft.EntityFrameworkCore;
using Platform.Contracts.His;
using Platform.Contracts.Scheduling;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Application;

public sealed record ExamOutageDto(
    Guid Id, Guid RoomId, DateTimeOffset From, DateTimeOffset To, string Reason, int CancelledAppointments, int ClosedUnits,
    DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, int ReopenedUnits);

public sealed record StaffExamRoomDto(
    Guid Id, string Name, string Location, string ServiceName, int Capacity, int Remaining, int Closed, int Booked,
    List<ExamOutageDto> Outages);

/// <summary>设备故障 and 设备恢复 of an exam room. The failure closes the room's units in the window, cancels the exams
/// booked in it, holds for each the nearest equivalent window (<see cref="ExamOffers"/>) and tells their patients (each
/// once) and the HIS, all in one transaction; the recovery reopens the units
/// that failure closed and that have not started.</summary>
public sealed class ExamOutages(
    SchedulingDbContext db, ClinicClock clinic, IIntegrationEventOutbox outbox, ExamBooking exams, ExamOffers offers)
{
    private sealed record UnitInWindow(Guid Id, string HisId, Guid? HeldBy, string HisStatus);

    public async Task<List<StaffExamRoomDto>> RoomsAsync(DateOnly date, CancellationToken ct)
    {
        var now = clinic.Now;
        var rooms = await db.ExamRooms.AsNoTracking().OrderBy(r => r.ServiceCode).ThenBy(r => r.Name).ToListAsync(ct);
        var counts = await (from u in db.ExamUnits
                            join s in db.ExamSlots on u.SlotId equals s.Id
                            where s.Date == date
                            group new { u, s } by s.RoomId into g
                            select new
                            {
                                g.Key,
                                Capacity = g.Count(),
                                Remaining = g.Count(x => x.u.HeldBy == null && x.u.OutageId == null && x.u.HisStatus == SlotUnit.Free && x.s.StartsAt > now),
                                Closed = g.Count(x => x.u.OutageId != null),
                                Booked = g.Count(x => x.u.HeldBy != null),
                            }).ToDictionaryAsync(x => x.Key, ct);
        var dayStart = ClinicClock.At(date, TimeOnly.MinValue);
        var dayEnd = dayStart.AddDays(1);
        var outages = (await db.ExamRoomOutages.AsNoTracking().Where(o => o.From < dayEnd && o.To > dayStart).OrderBy(o => o.From).ToListAsync(ct))
            .ToLookup(o => o.RoomId);
        return rooms.Select(r =>
        {
            var c = counts.GetValueOrDefault(r.Id);
            return new StaffExamRoomDto(r.Id, r.Name, r.Location, r.ServiceName, c?.Capacity ?? 0, c?.Remaining ?? 0, c?.Closed ?? 0,
                c?.Booked ?? 0, outages[r.Id].Select(ToDto).ToList());
        }).ToList();
    }

    public async Task<ExamOutageDto> StartAsync(Guid staff, Guid roomId, DateTimeOffset from, DateTimeOffset to, string reason, CancellationToken ct)
    {
        var now = clinic.Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var room = await db.ExamRooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId, ct)
            ?? throw new ProblemException(404, "exam_room_not_found", "检查室不存在");
        var outage = new ExamRoomOutage
        {
            RoomId = room.Id, From = from.ToUniversalTime(), To = to.ToUniversalTime(), Reason = reason, ReportedBy = staff, CreatedAt = now,
        };
        // Locked for this transaction: a booker skips them (SKIP LOCKED) instead of taking one being closed.
        var units = await db.Database.SqlQuery<UnitInWindow>($"""
            SELECT u.id, u.his_id, u.held_by, u.his_status
            FROM exam_units u JOIN exam_slots s ON s.id = u.slot_id
            WHERE s.room_id = {room.Id} AND s.starts_at < {outage.To} AND s.ends_at > {outage.From} AND s.starts_at > {now}
              AND u.outage_id IS NULL
            FOR UPDATE OF u
            """).ToListAsync(ct);
        var held = units.Where(u => u.HeldBy != null).Select(u => u.HeldBy!.Value).ToList();
        var cancelled = await db.ExamAppointments.Where(a => held.Contains(a.Id) && AppointmentStatus.Active.Contains(a.Status)).ToListAsync(ct);
        var cancelReason = $"设备故障：{reason}";
        foreach (var appointment in cancelled)
        {
            appointment.Status = AppointmentStatus.Cancelled;
            appointment.FailureReason = cancelReason;
            appointment.UpdatedAt = now;
            outbox.Add(new HisAppointmentCancelRequestedIntegrationEvent(appointment.Id, cancelReason));
            outbox.Add(new ExamCancelledIntegrationEvent(appointment.Id, appointment.PatientId, cancelReason));
        }
        // A window held for a patient after an earlier failure is withdrawn with the others and held elsewhere below.
        var withdrawn = await db.ExamOffers.Where(o => held.Contains(o.Id) && o.Status == SlotOffer.Open).ToListAsync(ct);
        foreach (var offer in withdrawn) offer.Expire(now);
        var freed = cancelled.Select(a => a.UnitId).Concat(withdrawn.Select(o => o.UnitId)).ToList();
        var ids = units.Select(u => u.Id).ToList();
        await db.ExamUnits.Where(u => ids.Contains(u.Id)).ExecuteUpdateAsync(x => x.SetProperty(u => u.OutageId, outage.Id), ct);
        await db.ExamUnits.Where(u => freed.Contains(u.Id)).ExecuteUpdateAsync(x => x.SetProperty(u => u.HeldBy, (Guid?)null), ct);
        outage.CancelledAppointments = cancelled.Count;
        outage.ClosedUnits = units.Count;
        db.ExamRoomOutages.Add(outage);

        // At the HIS: what the platform had free, and the slots of the exams it cancels (a HIS-window booking stays the HIS's).
        var closing = units.Where(u => freed.Contains(u.Id) || (u.HeldBy is null && u.HisStatus == SlotUnit.Free)).Select(u => u.HisId).ToList();
        if (closing.Count > 0) outbox.Add(new HisSlotsCloseRequestedIntegrationEvent(closing, cancelReason, Outage: true));
        var reholdIds = withdrawn.Select(o => o.CancelledAppointmentId).ToList();
        var rehold = await db.ExamAppointments.Where(a => reholdIds.Contains(a.Id)).ToListAsync(ct);
        var patients = cancelled.Concat(rehold).Select(a => a.PatientId).Distinct().Order().ToList();
        // After the window's units are closed (a hold never lands in it); patients locked in one order, as bookers lock one.
        var heldFor = new List<Guid>();
        var cancelledIds = cancelled.Select(a => a.Id).ToList();
        foreach (var patient in patients)
        {
            await exams.LockPatientAsync(patient, ct);
            foreach (var appointment in cancelled.Concat(rehold).Where(a => a.PatientId == patient).OrderBy(a => a.StartsAt))
                if (await offers.OfferAsync(appointment, outage, cancelledIds, ct) is not null && !heldFor.Contains(patient)) heldFor.Add(patient);
        }
        if (patients.Count > 0)
            outbox.Add(new ExamRoomOutageIntegrationEvent(outage.Id, room.Name, room.Location, outage.From, outage.To, reason, patients, heldFor));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToDto(outage);
    }

    /// <summary>设备恢复: ending twice answers with the first ending and changes nothing.</summary>
    public async Task<ExamOutageDto> EndAsync(Guid roomId, Guid outageId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var outage = (await db.ExamRoomOutages.FromSql($"SELECT * FROM exam_room_outages WHERE id = {outageId} AND room_id = {roomId} FOR UPDATE")
                .ToListAsync(ct)).FirstOrDefault()
            ?? throw new ProblemException(404, "outage_not_found", "设备故障记录不存在");
        if (outage.Ended) return ToDto(outage);
        var now = clinic.Now;
        var reopening = await (from u in db.ExamUnits
                               join s in db.ExamSlots on u.SlotId equals s.Id
                               where u.OutageId == outage.Id && s.StartsAt > now
                               select u).ToListAsync(ct);
        foreach (var unit in reopening) unit.OutageId = null;
        outage.End(reopening.Count, now);
        if (reopening.Count > 0)
            outbox.Add(new HisSlotsReopenRequestedIntegrationEvent(reopening.Select(u => u.HisId).ToList(), $"设备恢复：{outage.Reason}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToDto(outage);
    }

    private static ExamOutageDto ToDto(ExamRoomOutage o) =>
        new(o.Id, o.RoomId, o.From, o.To, o.Reason, o.CancelledAppointments, o.ClosedUnits, o.CreatedAt, o.EndedAt, o.ReopenedUnits);
}
