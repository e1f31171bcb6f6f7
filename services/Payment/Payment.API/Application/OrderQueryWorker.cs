using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payment.API.Domain;
using Payment.API.Infrastructure;
using Platform.ServiceDefaults.Workers;
using Platform.WeChat.Pay;

namespace Payment.API.Application;

public sealed class OrderQuerySignal : WorkerSignal;

/// <summary>Asks WeChat Pay about orders it has not told us of (a lost notice is credited this way), and closes orders
/// that expired or were withdrawn (a payment made at the last moment is found, credited and refunded instead).
/// Each row is claimed by pushing its query_after forward, so replicas share the work; WeChat Pay is called outside
/// any transaction.</summary>
public sealed class OrderQueryWorker(IServiceScopeFactory scopes, IOptions<PaymentOptions> options, TimeProvider clock,
    OrderQuerySignal signal, ILogger<OrderQueryWorker> logger) : PollingWorker(signal, logger)
{
    private const int Batch = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly RetryBackoff Backoff = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));

    protected override TimeSpan Interval => options.Value.WorkerInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<PaymentDbContext>()
                .ClaimDueAsync(DueRows.OrderQueries, clock.GetUtcNow(), Lease, Batch, ct);
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var order = await scope.ServiceProvider.GetRequiredService<PaymentDbContext>().Orders.AsNoTracking().FirstAsync(o => o.Id == id, ct);
            try { await HandleAsync(scope.ServiceProvider, order, ct); }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Query of order {OrderId} failed; asking again later", order.Id);
                await RescheduleAsync(scope.ServiceProvider, order.Id, clock.GetUtcNow() + Backoff.After(2), ct);
            }
        }
        return due.Count == Batch;
    }

    private async Task HandleAsync(IServiceProvider services, PaymentOrder order, CancellationToken ct)
    {
        var weChatPay = services.GetRequiredService<WeChatPayClient>();
        var now = clock.GetUtcNow();
        var ending = order.WithdrawnReason is not null || now >= order.ExpiresAt;
        if (order.PrepaidAt is null)
        {
            // Never sent to WeChat Pay: nothing there to pay or to close.
            if (ending) await CloseAsync(services, order.Id, ct);
            else await RescheduleAsync(services, order.Id, order.ExpiresAt, ct);
            return;
        }
        var t = await weChatPay.QueryByOutTradeNoAsync(order.OutTradeNo, ct);
        if (t.IsPaid)
        {
            // A flagged payment (amount differs) waits for staff: asking again would only repeat it.
            if (await services.GetRequiredService<PaymentSettlement>().SettleAsync(t, ct) == SettleOutcome.Flagged)
                await RescheduleAsync(services, order.Id, null, ct);
            return;
        }
        if (t.TradeState is "CLOSED" or "REVOKED" or "PAYERROR")
        {
            await CloseAsync(services, order.Id, ct);
            return;
        }
        if (!ending)
        {
            var next = now + options.Value.QueryEvery;
            await RescheduleAsync(services, order.Id, next < order.ExpiresAt ? next : order.ExpiresAt, ct);
            return;
        }
        try
        {
            await weChatPay.CloseAsync(order.OutTradeNo, ct);
        }
        catch (WeChatPayApiException e) when (e.Code == "ORDERPAID")
        {
            // Paid while we were closing it: the next round credits (and, if withdrawn, refunds) it.
            await RescheduleAsync(services, order.Id, now, ct);
            return;
        }
        await CloseAsync(services, order.Id, ct);
    }

    private async Task CloseAsync(IServiceProvider services, Guid orderId, CancellationToken ct)
    {
        var db = services.GetRequiredService<PaymentDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = (await db.LockOrderAsync(orderId, ct))!;
        if (order.Status != OrderStatus.Pending) return;
        order.Close(clock.GetUtcNow());
        services.GetRequiredService<PaymentNews>().StatusChanged(order, []);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task RescheduleAsync(IServiceProvider services, Guid orderId, DateTimeOffset? at, CancellationToken ct)
    {
        var db = services.GetRequiredService<PaymentDbContext>();
        await db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.QueryAfter, at), ct);
    }
}
