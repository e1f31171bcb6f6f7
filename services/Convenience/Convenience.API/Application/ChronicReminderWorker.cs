using Convenience.API.Domain;
using Convenience.API.Extensions;
using Convenience.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Convenience;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Workers;

namespace Convenience.API.Application;

public sealed class ChronicReminderSignal : WorkerSignal;

/// <summary>Sends each due measurement reminder once: due rows are claimed FOR UPDATE SKIP LOCKED, moved to the next day
/// and their events written to the outbox in one transaction, so replicas and restarts never remind twice.</summary>
public sealed class ChronicReminderWorker(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<ConvenienceOptions> options, ChronicReminderSignal signal,
    ILogger<ChronicReminderWorker> logger) : PollingWorker(signal, logger)
{
    private const int Batch = 100;

    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConvenienceDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Reminders.FromSqlInterpolated(
                $"SELECT * FROM chronic_reminders WHERE active AND next_due_at <= {now} ORDER BY next_due_at LIMIT {Batch} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        foreach (var r in due)
        {
            outbox.Add(new ChronicMeasurementReminderDueIntegrationEvent(r.Id, r.PatientId, r.Kind, ReadingKinds.TextOf(r.Kind), r.NextDueAt));
            r.NextDueAt = ChronicCare.NextDue(r.TimeOfDay, now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count == Batch;
    }
}
