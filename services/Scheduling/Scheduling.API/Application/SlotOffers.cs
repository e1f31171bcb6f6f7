using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Contracts.Scheduling;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Workers;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;
using Scheduling.API.Infrastructure.EntityConfigurations;

namespace Scheduling.API.Application;

public sealed record OfferDto(
    Guid Id, string Kind, Guid PatientId, Guid SlotId, Guid SessionId, Guid DepartmentId, string DepartmentName, Guid DoctorId,
    string DoctorName, string DoctorTitle, string Location, DateTimeOffset StartsAt, DateTimeOffset EndsAt, long FeeFen,
    DateTimeOffset HoldUntil, string Status, string StatusText, Guid? CancelledAppointmentId, Guid? WaitlistEntryId,
    Guid? AppointmentId, DateTimeOffset CreatedAt);

public sealed class OfferSignal : WorkerSignal;

/// <summary>Units held for a patient to take in one tap (X13 rebooking after 停诊, X14 waitlist). Holding, accepting and
/// giving back go through the same conditional unit updates as booking, so an offer never oversells a slot.</summary>
public sealed class SlotOffers(
    SchedulingDbContext db, ClinicClock clinic, AppointmentViews views, AppointmentNews news, AppointmentBooking booking,
    IIntegrationEventOutbox outbox, IOptions<SchedulingOptions> options, OfferSignal signal, AppointmentPayments payments)
{
    private const int RebookingTries = 10;

    /// <summary>In the stop's transaction: the nearest equivalent window (same department; the same doctor or a doctor of
    /// the same title first; then the earliest after the stopped one, within Scheduling:RebookingSearchDays) held for the
    /// patient whose appointment was cancelled. Null when nothing fits.</summary>
    public async Task<SlotOffer?> OfferRebookingAsync(Appointment cancelled, ClinicSession stopped, CancellationToken ct)
    {
        var now = clinic.Now;
        var after = cancelled.StartsAt;
        var until = after.AddDays(options.Value.RebookingSearchDays);
        var title = await db.Doctors.Where(d => d.Id == cancelled.DoctorId).Select(d => d.Title).FirstOrDefaultAsync(ct) ?? "";
        var held = db.HeldForWaitlist(db.Sessions);
        var candidates = await (
            from s in db.Slots
            join c in db.Sessions on s.SessionId equals c.Id
            join d in db.Doctors on c.DoctorId equals d.Id into dj
            from d in dj.DefaultIfEmpty()
            where c.DepartmentId == cancelled.DepartmentId && !c.Stopped && c.Id != stopped.Id
                  && s.StartsAt > after && s.StartsAt > now && s.StartsAt < until
                  && db.Units.Any(u => u.SlotId == s.Id && u.HeldBy == null && !u.Closed && u.HisStatus == SlotUnit.Free)
                  && !held.Contains(c.Id)
            select new { Slot = s, Session = c, Name = d == null ? "" : d.Name, Title = d == null ? "" : d.Title, Fee = d == null ? 0 : d.FeeFen })
            .AsNoTracking().ToListAsync(ct);
        var busyDays = await db.Appointments.Where(a => a.PatientId == cancelled.PatientId && a.DepartmentId == cancelled.DepartmentId
                && a.Id != cancelled.Id && AppointmentStatus.Active.Contains(a.Status)).Select(a => a.LocalDate)
            .Concat(db.Offers.Where(o => o.PatientId == cancelled.PatientId && o.DepartmentId == cancelled.DepartmentId && o.Status == SlotOffer.Open)
                .Select(o => o.LocalDate))
            .ToListAsync(ct);
        var ranked = candidates
            .Where(x => clinic.IsReleased(x.Session.Date) && !busyDays.Contains(x.Session.Date))
            .OrderBy(x => x.Session.DoctorId == cancelled.DoctorId || (title != "" && x.Title == title) ? 0 : 1)
            .ThenBy(x => x.Slot.StartsAt)
            .Take(RebookingTries);
        foreach (var x in ranked)
        {
            var offerId = Guid.CreateVersion7();
            if (await db.TakeAsync(x.Slot.Id, offerId, ct) is not { } unit) continue;
            var offer = new SlotOffer
            {
                Id = offerId, Kind = SlotOffer.Rebooking, AccountId = cancelled.AccountId, PatientId = cancelled.PatientId,
                SlotId = x.Slot.Id, UnitId = unit.Id, UnitHisId = unit.HisId, SessionId = x.Session.Id, DepartmentId = cancelled.DepartmentId,
                DepartmentName = cancelled.DepartmentName, DoctorId = x.Session.DoctorId, DoctorName = x.Name, DoctorTitle = x.Title,
                Location = cancelled.Location, StartsAt = x.Slot.StartsAt, EndsAt = x.Slot.EndsAt, LocalDate = x.Session.Date, FeeFen = x.Fee,
                CreatedAt = now, HoldUntil = Earlier(now + options.Value.OfferHold, x.Slot.StartsAt), CancelledAppointmentId = cancelled.Id,
            };
            Add(offer);
            return offer;
        }
        return null;
    }

    /// <summary>In the caller's transaction: a place freed in a waitlisted session, or one of an added session (加诊) of the
    /// same doctor, department and day, held for the entry's patient.</summary>
    public async Task<SlotOffer?> OfferToWaiterAsync(WaitlistEntry entry, ClinicSession waited, CancellationToken ct)
    {
        var now = clinic.Now;
        var offerId = Guid.CreateVersion7();
        var added = await (from s in db.Sessions
                           join r in db.SessionRequests on s.ScheduleHisId equals r.ScheduleHisId
                           where s.DoctorId == waited.DoctorId && s.DepartmentId == waited.DepartmentId && s.Date == waited.Date
                                 && !s.Stopped && s.Id != waited.Id && r.Status == SessionRequest.Created
                           select s.Id).Distinct().ToListAsync(ct);
        if (await db.TakeForWaitlistAsync([waited.Id, .. added], offerId, now, ct) is not { } unit) return null;
        var slot = await db.Slots.AsNoTracking().FirstAsync(s => s.Id == unit.SlotId, ct);
        var session = slot.SessionId == waited.Id ? waited : await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == slot.SessionId, ct);
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == session.DepartmentId, ct);
        var doctor = await db.Doctors.AsNoTracking().FirstOrDefaultAsync(d => d.Id == session.DoctorId, ct);
        var offer = new SlotOffer
        {
            Id = offerId, Kind = SlotOffer.Waitlist, AccountId = entry.AccountId, PatientId = entry.PatientId, SlotId = slot.Id,
            UnitId = unit.Id, UnitHisId = unit.HisId, SessionId = session.Id, DepartmentId = session.DepartmentId,
            DepartmentName = department?.Name ?? session.DepartmentCode, DoctorId = session.DoctorId, DoctorName = doctor?.Name ?? "",
            DoctorTitle = doctor?.Title ?? "", Location = department?.Location ?? "", StartsAt = slot.StartsAt, EndsAt = slot.EndsAt,
            LocalDate = session.Date, FeeFen = doctor?.FeeFen ?? 0, CreatedAt = now,
            HoldUntil = Earlier(now + options.Value.WaitlistOfferHold, slot.StartsAt), WaitlistEntryId = entry.Id,
        };
        entry.Offer(offer.Id);
        Add(offer);
        return offer;
    }

    public async Task<List<OfferDto>> LiveAsync(Guid account, CancellationToken ct)
    {
        var now = clinic.Now;
        var offers = await db.Offers.AsNoTracking().Where(o => o.AccountId == account && o.Status == SlotOffer.Open && o.HoldUntil > now)
            .OrderBy(o => o.HoldUntil).ToListAsync(ct);
        return offers.Select(ToDto).ToList();
    }

    public async Task<OfferDto> GetAsync(Guid account, Guid id, CancellationToken ct) =>
        ToDto(await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.AccountId == account, ct) ?? throw NotFound());

    /// <summary>One tap: the held unit becomes a new appointment in the normal flow (锁号中, HIS request). A second tap
    /// (or a double tap racing the first, serialised on the offer's row) answers with the same appointment.</summary>
    public async Task<AppointmentDto> AcceptAsync(Guid account, Guid id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var offer = await LockAsync(account, id, ct);
        if (offer.Status == SlotOffer.Accepted)
            return views.ToDto(await db.Appointments.FirstAsync(a => a.Id == offer.AppointmentId, ct));
        var now = clinic.Now;
        if (offer.Status == SlotOffer.Declined) throw ProblemException.Conflict("offer_declined", "您已放弃该号源，请重新预约");
        if (offer.Status != SlotOffer.Open || now >= offer.HoldUntil)
            throw ProblemException.Conflict("offer_expired", "号源保留时间已过，已释放给其他患者，请重新预约");
        await booking.RequireMayBookAsync(account, offer.PatientId, ct);
        if (await db.Appointments.AnyAsync(a => a.PatientId == offer.PatientId && a.DepartmentId == offer.DepartmentId
                && a.LocalDate == offer.LocalDate && AppointmentStatus.Active.Contains(a.Status), ct))
            throw AppointmentBooking.AlreadyBooked();

        var appointment = new Appointment
        {
            AccountId = account, PatientId = offer.PatientId, SlotId = offer.SlotId, UnitId = offer.UnitId, UnitHisId = offer.UnitHisId,
            SessionId = offer.SessionId, DepartmentId = offer.DepartmentId, DepartmentName = offer.DepartmentName, DoctorId = offer.DoctorId,
            DoctorName = offer.DoctorName, Location = offer.Location, StartsAt = offer.StartsAt, EndsAt = offer.EndsAt,
            LocalDate = offer.LocalDate, FeeFen = offer.FeeFen, CreatedAt = now, HoldExpiresAt = now.AddMinutes(options.Value.HoldMinutes),
        };
        if (!await db.HandOverAsync(offer.UnitId, offer.Id, appointment.Id, ct))
            throw ProblemException.Conflict("offer_expired", "号源保留时间已过，已释放给其他患者，请重新预约");
        if (offer.CancelledAppointmentId is { } stoppedId
            && await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == stoppedId, ct) is { } stopped)
            payments.CarryOver(stopped, appointment, "停诊改约至挂号费较低的号源，差额原路退回");
        appointment.Start(now);
        db.Appointments.Add(appointment);
        news.Requested(appointment);
        news.StatusChanged(appointment);
        offer.Accept(appointment.Id, now);
        if (await EntryOfAsync(offer, ct) is { } entry) entry.End(WaitlistEntry.Accepted, now);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return views.ToDto(appointment);
    }

    /// <summary>No, thank you: the unit goes back (to the next waitlisted patient first). For a rebooking this is the
    /// refund request, recorded on the cancelled appointment until Payment settles it; asking again changes nothing.</summary>
    public async Task<OfferDto> DeclineAsync(Guid account, Guid id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var offer = await LockAsync(account, id, ct);
        if (offer.Status == SlotOffer.Accepted) throw ProblemException.Conflict("offer_accepted", "该号源已改约成功，如需退号请取消新的预约");
        var now = clinic.Now;
        if (offer.Status == SlotOffer.Open) await CloseAsync(offer, SlotOffer.Declined, WaitlistEntry.Declined, now, ct);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        signal.Nudge();
        return ToDto(offer);
    }

    /// <summary>In the caller's transaction: the offer ends and its unit is free again (the worker offers it to waiters).</summary>
    public async Task CloseAsync(SlotOffer offer, string status, string entryStatus, DateTimeOffset now, CancellationToken ct, string? reason = null)
    {
        await db.HandOverAsync(offer.UnitId, offer.Id, null, ct);
        if (status == SlotOffer.Declined) offer.Decline(now);
        else offer.Expire(now);
        // A rebooking not taken (declined, lapsed, or its session stopped too): the stopped booking's fee goes back.
        if (offer.CancelledAppointmentId is { } cancelledId
            && await db.Appointments.FirstOrDefaultAsync(a => a.Id == cancelledId, ct) is { } cancelled)
            RefundStopped(cancelled, now);
        if (await EntryOfAsync(offer, ct) is { } entry && entry.IsActive) entry.End(entryStatus, now, reason);
    }

    /// <summary>The patient of a stopped clinic gets their money back (X13): asked once, however often they decline.</summary>
    public void RefundStopped(Appointment cancelled, DateTimeOffset now)
    {
        if (cancelled.RefundRequestedAt is not null) return;
        cancelled.RequestRefund(now);
        if (cancelled.PaidByAppointmentId is not null) payments.Settle(cancelled, "医生停诊，挂号费原路退回");
    }

    /// <summary>In the stop's transaction: offers into a stopped session are withdrawn and its waitlist closes.</summary>
    public async Task WithdrawSessionAsync(ClinicSession session, string reason, CancellationToken ct)
    {
        var now = clinic.Now;
        foreach (var offer in await db.Offers.Where(o => o.SessionId == session.Id && o.Status == SlotOffer.Open).ToListAsync(ct))
            await CloseAsync(offer, SlotOffer.Expired, WaitlistEntry.Closed, now, ct, reason);
        foreach (var entry in await db.Waitlist.Where(w => w.SessionId == session.Id && w.Status == WaitlistEntry.Waiting).ToListAsync(ct))
            entry.End(WaitlistEntry.Closed, now, reason);
    }

    public static OfferDto ToDto(SlotOffer o) => new(
        o.Id, o.Kind, o.PatientId, o.SlotId, o.SessionId, o.DepartmentId, o.DepartmentName, o.DoctorId, o.DoctorName, o.DoctorTitle,
        o.Location, o.StartsAt, o.EndsAt, o.FeeFen, o.HoldUntil, o.Status, SlotOffer.TextOf(o.Status), o.CancelledAppointmentId,
        o.WaitlistEntryId, o.AppointmentId, o.CreatedAt);

    private void Add(SlotOffer offer)
    {
        db.Offers.Add(offer);
        outbox.Add(new SlotOfferedIntegrationEvent(offer.Id, offer.PatientId, offer.Kind, offer.DepartmentName, offer.DoctorName,
            offer.StartsAt, offer.HoldUntil));
    }

    private async Task<SlotOffer> LockAsync(Guid account, Guid id, CancellationToken ct) =>
        (await db.Offers.FromSql($"SELECT *, xmin FROM slot_offers WHERE id = {id} AND account_id = {account} FOR UPDATE").ToListAsync(ct))
        .FirstOrDefault() ?? throw NotFound();

    private async Task<WaitlistEntry?> EntryOfAsync(SlotOffer offer, CancellationToken ct) =>
        offer.WaitlistEntryId is { } entryId ? await db.Waitlist.FirstOrDefaultAsync(w => w.Id == entryId, ct) : null;

    private Task SaveAsync(CancellationToken ct) =>
        db.SaveOrConflictAsync(ProblemException.Conflict("offer_changed", "号源状态刚刚发生变化，请刷新后重试"),
            AppointmentConfiguration.OnePerPatientDepartmentDay, AppointmentBooking.AlreadyBooked, ct);

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static ProblemException NotFound() => new(404, "offer_not_found", "号源保留记录不存在");
}
