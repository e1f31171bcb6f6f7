using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pharmacy.API.Extensions;
using Pharmacy.API.Infrastructure;
using Platform.Contracts.Pharmacy;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Workers;

namespace Pharmacy.API.Application;

public sealed class DoseReminderSignal : WorkerSignal;

/// <summary>Sends each due dose reminder once: the due rows are claimed FOR UPDATE SKIP LOCKED, advanced to their next
/// dose and their events written to the outbox in one transaction, so replicas and restarts never remind twice.</summary>
public sealed class DoseReminderWorker(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<PharmacyOptions> options, DoseReminderSignal signal, ILogger<DoseReminderWorker> logger)
    : PollingWorker(signal, logger)
{
    private const int Batch = 100;

    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PharmacyDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Reminders.FromSqlInterpolated(
                $"SELECT * FROM dose_reminders WHERE enabled AND next_due_at <= {now} ORDER BY next_due_at LIMIT {Batch} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        var ids = due.Select(r => r.PrescriptionId).ToList();
        var prescriptions = await db.Prescriptions.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var r in due)
        {
            if (prescriptions.TryGetValue(r.PrescriptionId, out var p))
                outbox.Add(new DoseReminderDueIntegrationEvent(r.Id, r.PatientId, p.DrugName,
                    p.DoseValue is { } v ? $"{v:0.##}{p.DoseUnit}" : p.DosageText, r.NextDueAt!.Value));
            r.NextDueAt = DoseSchedules.Next(r.Times, now, r.EndsAt);
            if (r.NextDueAt is null) r.Enabled = false;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count == Batch;
    }
}
