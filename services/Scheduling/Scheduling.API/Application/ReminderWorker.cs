using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Scheduling;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Workers;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Application;

public sealed class ReminderSignal : WorkerSignal;

/// <summary>From Scheduling:ReminderTime (hospital time) on, reminds every booked clinic visit and exam of the next day
/// once. A reminder is claimed by inserting its row (the appointment is its key, ON CONFLICT DO NOTHING) in the same
/// transaction as its outbox event, so replicas and restarts never remind twice; appointments being changed right now
/// are skipped (FOR UPDATE SKIP LOCKED) and looked at again next round. Time is the service's <see cref="TimeProvider"/>.</summary>
public sealed class ReminderWorker(
    IServiceScopeFactory scopes, IOptions<SchedulingOptions> options, TimeProvider clock, ReminderSignal signal,
    ILogger<ReminderWorker> logger) : PollingWorker(signal, logger)
{
    private const int Batch = 100;

    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ClinicClock.LocalDate(now);
        if (now < ClinicClock.At(today, options.Value.ReminderTime)) return false;
        var (from, to) = (ClinicClock.At(today.AddDays(1), TimeOnly.MinValue), ClinicClock.At(today.AddDays(2), TimeOnly.MinValue));

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var clinicIds = await ClaimAsync(db, "appointments", AppointmentReminder.Clinic, from, to, now, ct);
        var examIds = await ClaimAsync(db, "exam_appointments", AppointmentReminder.Exam, from, to, now, ct);

        var visits = await db.Appointments.AsNoTracking().IgnoreAutoIncludes().Where(a => clinicIds.Contains(a.Id)).ToListAsync(ct);
        foreach (var a in visits)
            outbox.Add(new AppointmentReminderDueIntegrationEvent(a.Id, a.PatientId, AppointmentReminderDueIntegrationEvent.Clinic,
                a.DepartmentName, a.DoctorName, "", "", a.Location, a.StartsAt, a.EndsAt, ""));
        var exams = await (from a in db.ExamAppointments.AsNoTracking()
                           join o in db.ExamOrders on a.OrderId equals o.Id
                           where examIds.Contains(a.Id)
                           select new { Appointment = a, o.Preparation }).ToListAsync(ct);
        foreach (var (a, preparation) in exams.Select(x => (x.Appointment, x.Preparation)))
            outbox.Add(new AppointmentReminderDueIntegrationEvent(a.Id, a.PatientId, AppointmentReminderDueIntegrationEvent.Exam,
                "", "", a.ItemName, a.RoomName, a.Location, a.StartsAt, a.EndsAt, preparation));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (clinicIds.Count + examIds.Count > 0)
            logger.LogInformation("Reminded {Visits} visits and {Exams} exams of {Day}", clinicIds.Count, examIds.Count, today.AddDays(1));
        return clinicIds.Count == Batch || examIds.Count == Batch;
    }

    /// <summary>Claims up to a batch of one appointment table's booked visits in [from, to) that have no reminder yet.
    /// <paramref name="table"/> is one of this class's two constants, never input; the values are parameters.</summary>
    private static Task<List<Guid>> ClaimAsync(SchedulingDbContext db, string table, string kind, DateTimeOffset from, DateTimeOffset to,
        DateTimeOffset now, CancellationToken ct)
    {
        var sql = $$"""
            INSERT INTO appointment_reminders (appointment_id, kind, starts_at, reminded_at)
            SELECT a.id, {0}, a.starts_at, {1} FROM {{table}} a
            WHERE a.status = 'booked' AND a.starts_at >= {2} AND a.starts_at < {3}
              AND NOT EXISTS (SELECT 1 FROM appointment_reminders r WHERE r.appointment_id = a.id)
            ORDER BY a.starts_at LIMIT {{Batch}} FOR UPDATE OF a SKIP LOCKED
            ON CONFLICT DO NOTHING
            RETURNING appointment_id AS "Value"
            """;
        return db.Database.SqlQueryRaw<Guid>(sql, kind, now, from, to).ToListAsync(ct);
    }
}
