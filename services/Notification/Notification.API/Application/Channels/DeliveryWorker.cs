using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.API.Domain;
using Notification.API.Infrastructure;
using Platform.ServiceDefaults.Workers;

namespace Notification.API.Application.Channels;

/// <summary>Wakes the <see cref="DeliveryWorker"/> before its next poll.</summary>
public sealed class DeliverySignal : WorkerSignal;

/// <summary>Sends due WeChat and SMS deliveries without holding a transaction or a row lock while a provider answers:
/// claim a batch with a short lease (SKIP LOCKED, so replicas share the work), send each outside any transaction,
/// then record its outcome in a short transaction, only if the lease is still ours. An outcome the database refuses
/// to record is kept and recorded again at the next rounds (the SMS is not sent again); a worker that died leaves
/// leases that expire, and those deliveries are claimed again.</summary>
public sealed class DeliveryWorker(
    IServiceScopeFactory scopes, IOptions<NotificationOptions> options, DeliverySignal signal, ILogger<DeliveryWorker> logger)
    : PollingWorker(signal, logger)
{
    private readonly string _owner = LeaseOwner.New("delivery");

    /// <summary>Sent (or failed) deliveries whose outcome is not yet committed, each with the context that tracks it.</summary>
    private readonly List<Attempt> _unrecorded = [];

    private sealed record Attempt(AsyncServiceScope Scope, NotificationDbContext Db, Delivery Delivery);

    protected override TimeSpan Interval => options.Value.Delivery.PollInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value.Delivery;
        await RecordLeftoversAsync(ct);
        var claimed = await ClaimAsync(settings, ct);
        foreach (var id in claimed)
        {
            try
            {
                await DeliverAsync(id, settings, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Its lease runs out and it is claimed again: the lease doubles as the backoff for the unexpected.
                logger.LogError(e, "Delivery {DeliveryId} failed unexpectedly", id);
            }
        }
        return claimed.Count >= settings.BatchSize;
    }

    /// <summary>One statement, so its own short transaction: the row locks last only as long as the UPDATE.</summary>
    private async Task<List<Guid>> ClaimAsync(DeliveryOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        return await db.Database.SqlQuery<Guid>($"""
                UPDATE deliveries SET leased_until = now() + {settings.Lease}, lease_owner = {_owner}
                WHERE id IN (
                    SELECT id FROM deliveries
                    WHERE status = 'pending' AND channel <> 'in-app' AND next_attempt_at <= now()
                      AND (leased_until IS NULL OR leased_until < now())
                    ORDER BY next_attempt_at, id
                    LIMIT {settings.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """)
            .ToListAsync(ct);
    }

    private async Task DeliverAsync(Guid id, DeliveryOptions settings, CancellationToken ct)
    {
        var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<NotificationDbContext>();
        Delivery delivery;
        try
        {
            delivery = await db.Deliveries.FirstAsync(d => d.Id == id, ct);
            var message = await db.Messages.AsNoTracking().FirstAsync(m => m.Id == delivery.MessageId, ct);
            if (delivery.Channel == DeliveryChannel.Sms)
                await services.GetRequiredService<SmsChannel>().SendAsync(delivery, message, settings, ct);
            else if (delivery.Channel == DeliveryChannel.MiniProgram)
                await services.GetRequiredService<MiniProgramChannel>().RequestAsync(delivery, message, settings, ct);
            else
                await services.GetRequiredService<WeChatChannel>().RequestAsync(delivery, message, settings, ct);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
        delivery.ReleaseLease();
        var attempt = new Attempt(scope, db, delivery);
        try
        {
            await RecordAsync(attempt, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Delivery {DeliveryId} on {Channel}: outcome not recorded; will record it again, not resend",
                delivery.Id, delivery.Channel);
            _unrecorded.Add(attempt);
            return;
        }
        logger.LogInformation("Delivery {DeliveryId} on {Channel}: {Status} after {Attempts} attempt(s)",
            delivery.Id, delivery.Channel, delivery.Status, delivery.Attempts);
    }

    private async Task RecordLeftoversAsync(CancellationToken ct)
    {
        foreach (var attempt in _unrecorded.ToList())
        {
            await RecordAsync(attempt, ct);
            _unrecorded.Remove(attempt);
            logger.LogInformation("Delivery {DeliveryId} on {Channel}: {Status} recorded late", attempt.Delivery.Id,
                attempt.Delivery.Channel, attempt.Delivery.Status);
        }
    }

    /// <summary>The delivery's outcome (and a WeChat request's event) commit together, guarded by the lease: a delivery
    /// another worker took over after our lease ran out is left to it. The attempt's scope ends once it is settled.</summary>
    private async Task RecordAsync(Attempt attempt, CancellationToken ct)
    {
        var (scope, db, delivery) = attempt;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var stillOurs = await db.Database
                .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM deliveries WHERE id = {delivery.Id} AND lease_owner = {_owner} FOR UPDATE")
                .ToListAsync(ct);
            if (stillOurs.Count == 0)
                logger.LogWarning("Delivery {DeliveryId}: lease lost before the outcome was recorded; left to its new holder", delivery.Id);
            else
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
        }
        await scope.DisposeAsync();
    }
}
