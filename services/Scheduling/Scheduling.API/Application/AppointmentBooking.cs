using Platform.Messaging.PatientLinks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;
using Scheduling.API.Infrastructure.EntityConfigurations;

namespace Scheduling.API.Application;

/// <summary>Booking, cancelling and rescheduling for a patient's account. Every change, its unit and its events commit
/// in one transaction; nothing is held open across a call to another party.</summary>
public sealed class AppointmentBooking(
    SchedulingDbContext db, IdempotencyKeys keys, ClinicClock clinic, AppointmentViews views, AppointmentNews news,
    AppointmentPayments payments, IOptions<SchedulingOptions> options)
{
    public async Task<AppointmentDto> BookAsync(Guid account, string key, Guid slotId, Guid patientId, CancellationToken ct)
    {
        var hash = IdempotencyKeys.Hash("book", slotId.ToString(), patientId.ToString());
        if (await SoldOutAsync(account, key, slotId, patientId, ct) is { } soldOut) throw soldOut;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await keys.ClaimAsync(account, key, hash, ct) is { } replay) return replay;
        await RequireMayBookAsync(account, patientId, ct);
        var appointment = await TakeAsync(account, patientId, slotId, ct);
        var dto = await CommitNewAsync(appointment, account, key, hash, ct);
        await tx.CommitAsync(ct);
        return dto;
    }

    public async Task<AppointmentDto> RescheduleAsync(Guid account, string key, Guid appointmentId, Guid slotId, CancellationToken ct)
    {
        var hash = IdempotencyKeys.Hash("reschedule", appointmentId.ToString(), slotId.ToString());
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await keys.ClaimAsync(account, key, hash, ct) is { } replay) return replay;
        var old = await OwnAsync(account, appointmentId, ct);
        RequireCancellable(old);
        if (old.SlotId == slotId) throw ProblemException.Conflict("same_slot", "新号源与原预约相同，无需改约");
        await RequireMayBookAsync(account, old.PatientId, ct);
        // The new unit first: if it cannot be taken, the old appointment stays as it was.
        var appointment = await TakeAsync(account, old.PatientId, slotId, ct);
        // Nothing here asks for a second payment: a dearer slot is booked anew, after cancelling this one.
        if (old.PaidByAppointmentId is not null && appointment.FeeFen > old.PaidFen)
            throw ProblemException.Conflict("fee_higher",
                $"新号源挂号费 {appointment.FeeFen / 100m:0.00} 元高于原预约已付的 {old.PaidFen / 100m:0.00} 元，请取消原预约后重新预约");
        await CancelAsync(old, "改约", ct, keepPayment: true);
        payments.CarryOver(old, appointment, "改约至挂号费较低的号源，差额原路退回");
        await SaveAsync(ct);
        var dto = await CommitNewAsync(appointment, account, key, hash, ct);
        await tx.CommitAsync(ct);
        return dto;
    }

    public async Task<AppointmentDto> CancelAsync(Guid account, Guid appointmentId, string? reason, CancellationToken ct)
    {
        var appointment = await OwnAsync(account, appointmentId, ct);
        RequireCancellable(appointment);
        await CancelAsync(appointment, string.IsNullOrWhiteSpace(reason) ? "患者取消" : reason.Trim(), ct);
        await SaveAsync(ct);
        return views.ToDto(appointment);
    }

    public async Task<Appointment> OwnAsync(Guid account, Guid appointmentId, CancellationToken ct) =>
        await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId && a.AccountId == account, ct)
        ?? throw new ProblemException(404, "appointment_not_found", "预约不存在");

    private async Task<AppointmentDto> CommitNewAsync(Appointment appointment, Guid account, string key, string hash, CancellationToken ct)
    {
        db.Appointments.Add(appointment);
        news.Requested(appointment);
        news.StatusChanged(appointment);
        var dto = views.ToDto(appointment);
        keys.Record(account, key, hash, StatusCodes.Status202Accepted, dto);
        await SaveAsync(ct);
        return dto;
    }

    /// <param name="keepPayment">改约: a paid fee carries over to the new appointment instead of going back.</param>
    private async Task CancelAsync(Appointment appointment, string reason, CancellationToken ct, bool keepPayment = false)
    {
        if (!keepPayment || appointment.PaidByAppointmentId is null) payments.Settle(appointment, reason);
        appointment.Cancel(reason, clinic.Now);
        await db.ReleaseAsync(appointment, ct);
        news.StatusChanged(appointment);
        news.Cancelled(appointment, reason);
        // Asked at once even while the HIS is still deciding on the booking: the adapter sends it after the booking (same
        // HIS slot), and before any later booking of the unit freed here, which waitlists and other patients can take now.
        news.HisCancelRequested(appointment, reason);
    }

    private void RequireCancellable(Appointment appointment)
    {
        if (!appointment.IsActive) throw ProblemException.Conflict("not_cancellable", "该预约当前状态不能取消或改约");
        if (clinic.Now >= views.CancelDeadline(appointment))
            throw ProblemException.Conflict("cancel_too_late",
                $"距就诊开始已不足{options.Value.CancelCutoff.TotalHours:0.#}小时，不能在线取消或改约，请联系医院");
    }

    /// <summary>One round trip: is the patient the account's, and has the account accepted the booking agreement (R10)?</summary>
    public async Task RequireMayBookAsync(Guid account, Guid patientId, CancellationToken ct)
    {
        var may = await (from l in db.PatientLinks
                         where l.AccountId == account && l.PatientId == patientId
                         select new { Agreed = db.Agreements.Any(a => a.AccountId == account && a.Kind == AgreementAcceptance.Booking) })
            .FirstOrDefaultAsync(ct)
            ?? throw new ProblemException(403, "patient_not_linked", "该就诊人不属于当前账号，请先添加就诊人");
        if (!may.Agreed) throw new ProblemException(428, "agreement_required", "请先阅读并同意《预约挂号服务协议》");
    }

    /// <summary>At release time most attempts are on windows already gone: one read answers them, without the
    /// transaction, the key's lock and the conditional take. Only when every other check would pass (a new key, a patient
    /// the account may book for, a bookable window) and no unit is free at all; anything else goes the full way, which
    /// gives the same answer or the one that comes first.</summary>
    private async Task<ProblemException?> SoldOutAsync(Guid account, string key, Guid slotId, Guid patientId, CancellationToken ct)
    {
        var probe = await (from s in db.Slots
                           join c in db.Sessions on s.SessionId equals c.Id
                           where s.Id == slotId
                           select new
                           {
                               c.Stopped, s.StartsAt, c.Date,
                               Replay = db.IdempotencyRecords.Any(r => r.AccountId == account && r.Key == key),
                               Linked = db.PatientLinks.Any(l => l.AccountId == account && l.PatientId == patientId),
                               Agreed = db.Agreements.Any(a => a.AccountId == account && a.Kind == AgreementAcceptance.Booking),
                               Free = db.Units.Any(u => u.SlotId == s.Id && u.HeldBy == null && !u.Closed && u.HisStatus == SlotUnit.Free),
                               Closed = db.Units.Any(u => u.SlotId == s.Id && u.Closed && u.HeldBy == null),
                           }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (probe is null || probe.Free || probe.Replay || !probe.Linked || !probe.Agreed || probe.Stopped
            || probe.StartsAt <= clinic.Now || !clinic.IsReleased(probe.Date))
            return null;
        return probe.Closed ? SlotClosed() : SlotFull();
    }

    private static ProblemException SlotClosed() => ProblemException.Conflict("slot_closed", "该时段已停止预约");

    private static ProblemException SlotFull() => ProblemException.Conflict("slot_full", "该时段已约满，请选择其他时段");

    /// <summary>Takes a unit of the slot for a new appointment (not yet added). One patient, department and day is checked
    /// by the unique index when the appointment is saved (<see cref="SaveAsync"/>), not by a query that could race.</summary>
    private async Task<Appointment> TakeAsync(Guid account, Guid patientId, Guid slotId, CancellationToken ct)
    {
        var target = await (from s in db.Slots
                            join c in db.Sessions on s.SessionId equals c.Id
                            from d in db.Departments.Where(d => d.Id == c.DepartmentId).DefaultIfEmpty()
                            from doc in db.Doctors.Where(doc => doc.Id == c.DoctorId).DefaultIfEmpty()
                            where s.Id == slotId
                            select new { Slot = s, Session = c, Department = d, Doctor = doc }).AsNoTracking().FirstOrDefaultAsync(ct)
            ?? throw new ProblemException(404, "slot_not_found", "号源不存在");
        var (slot, session, department, doctor) = (target.Slot, target.Session, target.Department, target.Doctor);
        if (session.Stopped) throw ProblemException.Conflict("slot_closed", "该出诊已停诊，不能预约");
        if (slot.StartsAt <= clinic.Now) throw new ProblemException(422, "slot_past", "该号源时间已过，请选择其他时段");
        if (!clinic.IsReleased(session.Date))
            throw new ProblemException(422, "slot_not_released", $"该号源将于{clinic.ReleasesAt(session.Date).ToOffset(ClinicClock.Shanghai):M月d日 HH:mm}放号");

        var id = Guid.CreateVersion7();
        var unit = await db.TakeAsync(slot.Id, id, ct);
        if (unit is null)
            throw await db.Units.AnyAsync(u => u.SlotId == slot.Id && u.Closed && u.HeldBy == null, ct) ? SlotClosed() : SlotFull();

        var now = clinic.Now;
        var appointment = new Appointment
        {
            Id = id, AccountId = account, PatientId = patientId, SlotId = slot.Id, UnitId = unit.Value.Id, UnitHisId = unit.Value.HisId,
            SessionId = session.Id, DepartmentId = session.DepartmentId, DepartmentName = department?.Name ?? session.DepartmentCode,
            DoctorId = session.DoctorId, DoctorName = doctor?.Name ?? "", Location = department?.Location ?? "",
            StartsAt = slot.StartsAt, EndsAt = slot.EndsAt, LocalDate = session.Date, FeeFen = doctor?.FeeFen ?? 0,
            CreatedAt = now, HoldExpiresAt = now.AddMinutes(options.Value.HoldMinutes),
        };
        appointment.Start(now);
        return appointment;
    }

    private Task SaveAsync(CancellationToken ct) =>
        db.SaveOrConflictAsync(ProblemException.Conflict("appointment_changed", "预约状态刚刚发生变化，请刷新后重试"),
            AppointmentConfiguration.OnePerPatientDepartmentDay, AlreadyBooked, ct);

    public static ProblemException AlreadyBooked() =>
        ProblemException.Conflict("already_booked", "该就诊人当天已预约本科室，每人每天每科限约一个号");
}
