using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payment.API.Domain;
using Payment.API.Infrastructure;
using Platform.ServiceDefaults.Workers;
using Platform.WeChat.Pay;
using RefundRequest = Platform.WeChat.Pay.Models.RefundRequest;
using RefundRequestAmount = Platform.WeChat.Pay.Models.RefundRequestAmount;
using Refund = Payment.API.Domain.Refund;

namespace Payment.API.Application;

public sealed class RefundSignal : WorkerSignal;

/// <summary>Sends recorded refunds to WeChat Pay and asks after those it accepted until they end. The out_refund_no is
/// the refund's id, so a refund sent twice (a crash after WeChat Pay accepted it) is still one refund.</summary>
public sealed class RefundWorker(IServiceScopeFactory scopes, IOptions<PaymentOptions> options, TimeProvider clock, RefundSignal signal,
    ILogger<RefundWorker> logger) : PollingWorker(signal, logger)
{
    private const int Batch = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly RetryBackoff Backoff = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10));

    protected override TimeSpan Interval => options.Value.WorkerInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<PaymentDbContext>()
                .ClaimDueAsync(DueRows.Refunds, clock.GetUtcNow(), Lease, Batch, ct);
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var refund = await scope.ServiceProvider.GetRequiredService<PaymentDbContext>().Refunds.AsNoTracking().FirstAsync(r => r.Id == id, ct);
            try { await HandleAsync(scope.ServiceProvider, refund, ct); }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Refund {RefundId} attempt failed; retrying later", refund.Id);
                await RecordAsync(scope.ServiceProvider, refund.Id, r => r.Attempted(clock.GetUtcNow() + Backoff.After(r.Attempts + 1)), ct);
            }
        }
        return due.Count == Batch;
    }

    private async Task HandleAsync(IServiceProvider services, Refund refund, CancellationToken ct)
    {
        var weChatPay = services.GetRequiredService<WeChatPayClient>();
        var settlement = services.GetRequiredService<RefundSettlement>();
        Platform.WeChat.Pay.Models.Refund answer;
        if (refund.Status == RefundStatus.Requested)
        {
            var db = services.GetRequiredService<PaymentDbContext>();
            var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == refund.OrderId, ct);
            try
            {
                answer = await weChatPay.RefundAsync(new RefundRequest
                {
                    OutTradeNo = order.OutTradeNo,
                    OutRefundNo = refund.OutRefundNo,
                    Reason = refund.Reason,
                    NotifyUrl = options.Value.NotifyUrl,
                    Amount = new RefundRequestAmount { Refund = checked((int)refund.AmountFen), Total = checked((int)order.PayableFen) },
                }, ct);
            }
            catch (WeChatPayApiException e) when (e.Status is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Forbidden
                                                  && e.Code is not ("SYSTEM_ERROR" or "FREQUENCY_LIMITED"))
            {
                // Refused for good (e.g. NOT_ENOUGH): nothing went back, staff look at it.
                await settlement.ApplyAsync(refund.OutRefundNo, "CLOSED", null, ct);
                return;
            }
            var checkAt = clock.GetUtcNow() + options.Value.RefundCheckAfter;
            await RecordAsync(services, refund.Id, r => r.Accepted(answer.RefundId, checkAt), ct);
        }
        else
        {
            answer = await weChatPay.QueryRefundAsync(refund.OutRefundNo, ct);
        }
        if (answer.Status == "PROCESSING")
        {
            var checkAt = clock.GetUtcNow() + options.Value.RefundCheckAfter;
            await RecordAsync(services, refund.Id, r => r.NextAttemptAt = checkAt, ct);
            return;
        }
        await settlement.ApplyAsync(refund.OutRefundNo, answer.Status, answer.SuccessTime, ct);
    }

    private static async Task RecordAsync(IServiceProvider services, Guid refundId, Action<Refund> change, CancellationToken ct)
    {
        var db = services.GetRequiredService<PaymentDbContext>();
        var refund = await db.Refunds.FirstAsync(r => r.Id == refundId, ct);
        if (refund.Status is RefundStatus.Succeeded or RefundStatus.Abnormal) return;
        change(refund);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { } // a notice settled it meanwhile
    }
}
