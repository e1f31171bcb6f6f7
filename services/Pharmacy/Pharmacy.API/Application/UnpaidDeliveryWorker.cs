using Microsoft.EntityFrameworkCore;
using Pharmacy.API.Domain;
using Pharmacy.API.Infrastructure;
using Platform.ServiceDefaults.Workers;

namespace Pharmacy.API.Application;

public sealed class UnpaidDeliverySignal : WorkerSignal;

/// <summary>Cancels delivery orders whose fee was not paid in time, so their drugs can be ordered again and Payment
/// closes the order (money that still arrives is refunded there).</summary>
public sealed class UnpaidDeliveryWorker(IServiceScopeFactory scopes, TimeProvider clock, UnpaidDeliverySignal signal,
    ILogger<UnpaidDeliveryWorker> logger) : PollingWorker(signal, logger)
{
    private const int Batch = 20;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PharmacyDbContext>();
        var deliveries = scope.ServiceProvider.GetRequiredService<Deliveries>();
        var now = clock.GetUtcNow();
        var lapsed = await db.Deliveries.Include(d => d.Steps)
            .Where(d => d.Status == DeliveryStatus.AwaitingPayment && d.PayBy < now).OrderBy(d => d.PayBy).Take(Batch).ToListAsync(ct);
        foreach (var order in lapsed) deliveries.Cancel(order, "超时未支付配送费，订单已自动取消", now);
        // A payment confirmed meanwhile changes the row's status: the concurrency token makes this save fail, and the
        // next round no longer finds the order.
        await db.SaveChangesAsync(ct);
        return lapsed.Count == Batch;
    }
}
