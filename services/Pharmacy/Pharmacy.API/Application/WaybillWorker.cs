using Microsoft.EntityFrameworkCore;
using Pharmacy.API.Domain;
using Pharmacy.API.Infrastructure;
using Platform.ServiceDefaults.Workers;

namespace Pharmacy.API.Application;

public sealed class WaybillSignal : WorkerSignal;

/// <summary>Gets a waybill for each released delivery: claims it with a short lease, calls the courier outside any
/// transaction, then records the waybill number (or backs off and tries again).</summary>
public sealed class WaybillWorker(IServiceScopeFactory scopes, TimeProvider clock, WaybillSignal signal, ILogger<WaybillWorker> logger)
    : PollingWorker(signal, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(10);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PharmacyDbContext>();
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE delivery_orders SET waybill_lease_until = {now.AddSeconds(30)}, waybill_attempts = waybill_attempts + 1
            WHERE id IN (SELECT id FROM delivery_orders WHERE status = {DeliveryStatus.Packed} AND waybill_no IS NULL
                         AND (waybill_lease_until IS NULL OR waybill_lease_until < {now}) LIMIT 10 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        foreach (var id in claimed)
        {
            var order = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == id, ct);
            try
            {
                var waybill = await scope.ServiceProvider.GetRequiredService<CourierClient>().CreateWaybillAsync(order, ct);
                await db.Deliveries.Where(d => d.Id == id && d.WaybillNo == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.WaybillNo, waybill).SetProperty(d => d.WaybillLeaseUntil, (DateTimeOffset?)null), ct);
                logger.LogInformation("Delivery {Delivery} has waybill {Waybill}", id, waybill);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, Math.Min(order.WaybillAttempts, 6))));
                await db.Deliveries.Where(d => d.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.WaybillLeaseUntil, clock.GetUtcNow() + delay), ct);
                logger.LogWarning("Waybill for delivery {Delivery} failed, retrying in {Delay}: {Error}", id, delay, e.Message);
            }
        }
        return claimed.Count == 10;
    }
}
