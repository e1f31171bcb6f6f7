using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.API.Domain;
using Notification.API.Infrastructure;

namespace Notification.API.Application.Channels;

/// <summary>Sends due WeChat and SMS deliveries. Rows are claimed with FOR UPDATE SKIP LOCKED, so replicas share the
/// work and no two replicas send the same delivery; failures are retried with exponential backoff.</summary>
public sealed class DeliveryWorker(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<DeliveryWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Delivery;
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await RunOnceAsync(settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e)
            {
                logger.LogWarning(e, "Delivery round failed; will retry");
            }
            if (handled < settings.BatchSize)
            {
                try { await Task.Delay(settings.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    public async Task<int> RunOnceAsync(DeliveryOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<NotificationDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Deliveries
            .FromSqlInterpolated($"""
                SELECT * FROM deliveries
                WHERE status = 'pending' AND channel <> 'in-app' AND next_attempt_at <= now()
                ORDER BY next_attempt_at, id
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        foreach (var delivery in due)
        {
            var message = await db.Messages.AsNoTracking().FirstAsync(m => m.Id == delivery.MessageId, ct);
            if (delivery.Channel == DeliveryChannel.Sms)
                await services.GetRequiredService<SmsChannel>().SendAsync(delivery, message, settings, ct);
            else
                await services.GetRequiredService<WeChatChannel>().RequestAsync(delivery, message, settings, ct);
            logger.LogInformation("Delivery {DeliveryId} on {Channel}: {Status} after {Attempts} attempt(s)",
                delivery.Id, delivery.Channel, delivery.Status, delivery.Attempts);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count;
    }
}
