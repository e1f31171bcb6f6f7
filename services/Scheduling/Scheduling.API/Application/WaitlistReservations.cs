using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Application;

/// <summary>Which sessions' free units belong to a waitlist rather than to whoever books first: a session with patients
/// waiting, and a doctor's added session (加诊) while one of that doctor's sessions the same day and department has
/// patients waiting — the <see cref="OfferWorker"/> offers them its units in join order. The booking's conditional take
/// (<see cref="UnitHolds"/>) says the same in SQL.</summary>
public static class WaitlistReservations
{
    public static IQueryable<Guid> HeldForWaitlist(this SchedulingDbContext db, IQueryable<ClinicSession> sessions) =>
        sessions.Where(s => db.Waitlist.Any(w => w.SessionId == s.Id && w.Status == WaitlistEntry.Waiting)
                || (!s.Stopped
                    && db.SessionRequests.Any(r => r.ScheduleHisId == s.ScheduleHisId && r.Status == SessionRequest.Created)
                    && db.Sessions.Any(o => o.Id != s.Id && o.DoctorId == s.DoctorId && o.DepartmentId == s.DepartmentId && o.Date == s.Date
                        && db.Waitlist.Any(w => w.SessionId == o.Id && w.Status == WaitlistEntry.Waiting))))
            .Select(s => s.Id);

    /// <summary>The same rule for the unit being taken (<c>slot_units</c> in scope).</summary>
    public const string NotHeldForWaitlistSql = """
        NOT EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.session_id = slot_units.session_id AND w.status = 'waiting')
        AND NOT EXISTS (SELECT 1 FROM sessions added
                        JOIN session_requests r ON r.schedule_his_id = added.schedule_his_id AND r.status = 'created'
                        JOIN sessions waited ON waited.doctor_id = added.doctor_id AND waited.department_id = added.department_id
                                            AND waited.date = added.date AND waited.id <> added.id
                        JOIN waitlist_entries w ON w.session_id = waited.id AND w.status = 'waiting'
                        WHERE added.id = slot_units.session_id AND NOT added.stopped)
        """;
}
