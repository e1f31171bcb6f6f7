using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Queue;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Workers;
using Queue.API.Domain;
using Queue.API.Infrastructure;

namespace Queue.API.Application;

public sealed class ExamPreparationSignal : WorkerSignal;

/// <summary>R19: pushes an exam's preparation notes (空腹, 憋尿) once, <see cref="QueueOptions.ExamPreparationLead"/> before it
/// (at once for an exam booked closer than that), never at night: a moment between 21:00 and 07:00 (Beijing) becomes 20:00
/// the evening before, while the patient can still act on it (stop eating after dinner). Claimed row by row (FOR UPDATE SKIP LOCKED) with its outbox event in one
/// transaction, so replicas and restarts never send twice. Time is the service's <see cref="TimeProvider"/>.</summary>
public sealed class ExamPreparationWorker(
    IServiceScopeFactory scopes, IOptions<QueueOptions> options, TimeProvider clock, ExamPreparationSignal signal,
    ILogger<ExamPreparationWorker> logger) : PollingWorker(signal, logger)
{
    private const int Batch = 100;

    protected override TimeSpan Interval => options.Value.ExamPreparationInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The night rule moves a notice at most 11 hours earlier; rows past that are never due yet.
        var dueBefore = now + options.Value.ExamPreparationLead + TimeSpan.FromHours(11);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QueueDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Appointments.FromSql($"""
            SELECT * FROM visit_appointments
            WHERE preparation IS NOT NULL AND preparation_sent_at IS NULL AND NOT cancelled
              AND starts_at <= {dueBefore} AND starts_at > {now}
            ORDER BY starts_at LIMIT {Batch} FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        var candidates = due.Count;
        // Due moments rise with the start time, so the first one not yet due ends the batch.
        due = due.TakeWhile(a => DueAt(a.StartsAt, options.Value.ExamPreparationLead) <= now).ToList();
        if (due.Count == 0) return false;
        var queueIds = due.Select(a => a.QueueId).Distinct().ToList();
        var rooms = await db.Queues.AsNoTracking().Where(q => queueIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        foreach (var a in due)
        {
            a.PreparationSentAt = now;
            var room = rooms[a.QueueId];
            outbox.Add(new ExamPreparationDueIntegrationEvent(a.Id, a.PatientId, a.ItemName ?? room.DepartmentName, room.DoctorName,
                room.Location, a.StartsAt, a.Preparation!));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return candidates == Batch && due.Count == candidates;
    }

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly TimeOnly Evening = new(20, 0);

    /// <summary>When an exam starting at <paramref name="startsAt"/> has its notes pushed: the lead before it, moved out of
    /// the night (21:00–07:00 Beijing) to the evening before.</summary>
    public static DateTimeOffset DueAt(DateTimeOffset startsAt, TimeSpan lead)
    {
        var local = (startsAt - lead).ToOffset(Beijing);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (local.Hour >= 21) return new DateTimeOffset(date.ToDateTime(Evening), Beijing).ToUniversalTime();
        if (local.Hour < 7) return new DateTimeOffset(date.AddDays(-1).ToDateTime(Evening), Beijing).ToUniversalTime();
        return local.ToUniversalTime();
    }
}
