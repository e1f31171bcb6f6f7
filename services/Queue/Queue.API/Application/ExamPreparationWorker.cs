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
/// (at once for an exam booked closer than that). Claimed row by row (FOR UPDATE SKIP LOCKED) with its outbox event in one
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
        var dueBefore = now + options.Value.ExamPreparationLead;
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
        return due.Count == Batch;
    }
}
