using Microsoft.EntityFrameworkCore;
using Platform.Contracts.His;
using Platform.Contracts.Scheduling;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Application;

/// <summary>Staff's 停诊 and 限号: the change, every affected appointment and the events to patients and the HIS commit
/// together.</summary>
public sealed class StaffActions(
    SchedulingDbContext db, ClinicClock clinic, Availability availability, AppointmentNews news, IIntegrationEventOutbox outbox,
    SlotOffers offers, AppointmentPayments payments)
{
    public async Task<List<StaffSessionDto>> SessionsAsync(DateOnly date, Guid? departmentId, CancellationToken ct)
    {
        var query = db.Sessions.AsNoTracking().Where(s => s.Date == date);
        if (departmentId is { } id) query = query.Where(s => s.DepartmentId == id);
        return await ViewsAsync(await query.OrderBy(s => s.StartsAt).ToListAsync(ct), ct);
    }

    public async Task<List<StaffBookingDto>> BookingsAsync(DateOnly date, Guid? departmentId, AppointmentViews views, CancellationToken ct)
    {
        var query = db.Appointments.AsNoTracking().Where(a => a.LocalDate == date);
        if (departmentId is { } id) query = query.Where(a => a.DepartmentId == id);
        var appointments = await query.OrderBy(a => a.StartsAt).ThenBy(a => a.CreatedAt).ToListAsync(ct);
        return appointments.Select(a => new StaffBookingDto(a.Id, a.PatientId.ToString("N")[..8], a.DoctorName, a.StartsAt, a.Status,
            views.StatusTextOf(a))).ToList();
    }

    public async Task<StaffSessionDto> StopAsync(Guid sessionId, string reason, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await SessionAsync(sessionId, ct);
        if (session.Stopped) return (await ViewsAsync([session], ct))[0];
        var affected = await StopSessionAsync(session, reason, ct);
        var (department, doctor) = await NamesAsync(session, ct);
        outbox.Add(new ClinicStoppedIntegrationEvent(session.Id.ToString(), department, doctor, session.StartsAt, session.EndsAt, reason,
            affected.Select(a => a.PatientId).Distinct().ToList()));
        outbox.Add(new HisSessionStopRequestedIntegrationEvent(session.ScheduleHisId, session.Date, session.Period, reason,
            affected.Select(a => a.Id).ToList()));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await ViewsAsync([session], ct))[0];
    }

    /// <summary>In the caller's transaction (staff's 停诊, or the HIS's pushed one): the session stops, its active appointments
    /// are cancelled, offers into it are withdrawn and its waitlist closes, and each cancelled patient is held the nearest
    /// equivalent window to accept in one tap (X13).</summary>
    public async Task<List<Appointment>> StopSessionAsync(ClinicSession session, string reason, CancellationToken ct)
    {
        session.Stop(reason);
        outbox.Add(new ClinicScheduleChangedIntegrationEvent(session.DepartmentId, session.Date, "stopped"));
        var affected = await db.Appointments.Where(a => a.SessionId == session.Id && AppointmentStatus.Active.Contains(a.Status)).ToListAsync(ct);
        var cancelReason = $"医生停诊：{reason}";
        foreach (var appointment in affected)
        {
            appointment.Cancel(cancelReason, clinic.Now);
            await db.ReleaseAsync(appointment, ct);
            news.StatusChanged(appointment);
            // A fee not yet paid is withdrawn now; a paid one waits for the patient's choice (rebooking keeps it).
            if (appointment.PaidByAppointmentId is null) payments.Settle(appointment, cancelReason);
        }
        await offers.WithdrawSessionAsync(session, "医生停诊", ct);
        foreach (var appointment in affected.OrderBy(a => a.CreatedAt))
        {
            var offer = await offers.OfferRebookingAsync(appointment, session, ct);
            if (offer is null) offers.RefundStopped(appointment, clinic.Now);
        }
        return affected;
    }

    public async Task<StaffSessionDto> LimitAsync(Guid sessionId, int remaining, string reason, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await SessionAsync(sessionId, ct);
        if (session.Stopped) throw ProblemException.Conflict("session_stopped", "该出诊已停诊，无需限号");
        // Locked for this transaction: a booker skips them (SKIP LOCKED) instead of taking one being closed.
        var free = await db.Units
            .FromSql($"SELECT * FROM slot_units WHERE session_id = {sessionId} AND held_by IS NULL AND NOT closed AND his_status = 'free' FOR UPDATE")
            .ToListAsync(ct);
        var slotStarts = await db.Slots.Where(s => s.SessionId == sessionId).ToDictionaryAsync(s => s.Id, s => s.StartsAt, ct);
        var now = clinic.Now;
        var open = free.Where(u => slotStarts.GetValueOrDefault(u.SlotId) > now).OrderBy(u => u.StartsAt).ThenBy(u => u.HisId).ToList();
        var closing = open.Skip(remaining).ToList();
        if (closing.Count > 0)
        {
            foreach (var unit in closing) unit.Closed = true;
            session.Limit(reason);
            var (department, doctor) = await NamesAsync(session, ct);
            outbox.Add(new SlotsLimitedIntegrationEvent(session.Id.ToString(), department, doctor, session.StartsAt,
                open.Count - closing.Count, reason));
            outbox.Add(new HisSlotsCloseRequestedIntegrationEvent(closing.Select(u => u.HisId).ToList(), reason));
            outbox.Add(new ClinicScheduleChangedIntegrationEvent(session.DepartmentId, session.Date, "limited"));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return (await ViewsAsync([session], ct))[0];
    }

    private async Task<ClinicSession> SessionAsync(Guid id, CancellationToken ct) =>
        await db.Sessions.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new ProblemException(404, "session_not_found", "出诊不存在");

    private async Task<(string Department, string Doctor)> NamesAsync(ClinicSession session, CancellationToken ct)
    {
        var department = await db.Departments.Where(d => d.Id == session.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct);
        var doctor = await db.Doctors.Where(d => d.Id == session.DoctorId).Select(d => d.Name).FirstOrDefaultAsync(ct);
        return (department ?? session.DepartmentCode, doctor ?? "");
    }

    private async Task<List<StaffSessionDto>> ViewsAsync(List<ClinicSession> sessions, CancellationToken ct)
    {
        var ids = sessions.Select(s => s.Id).ToList();
        var counts = await availability.BySessionAsync(ids, ct);
        var booked = await db.Appointments.Where(a => ids.Contains(a.SessionId) && AppointmentStatus.Active.Contains(a.Status))
            .GroupBy(a => a.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var departmentIds = sessions.Select(s => s.DepartmentId).Distinct().ToList();
        var departments = await db.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var doctors = await Apis.CatalogueApi.DoctorsAsync(db, sessions.Select(s => s.DoctorId), ct);
        return sessions.Select(s =>
        {
            var c = counts.GetValueOrDefault(s.Id, new UnitCounts(0, 0, 0));
            return new StaffSessionDto(s.Id, s.DepartmentId, departments.GetValueOrDefault(s.DepartmentId, s.DepartmentCode),
                doctors.GetValueOrDefault(s.DoctorId)?.Name ?? "", s.Period, s.StartsAt, s.EndsAt, c.Capacity, c.Remaining,
                booked.GetValueOrDefault(s.Id), availability.SessionStatus(s, c), s.StopReason);
        }).ToList();
    }
}
