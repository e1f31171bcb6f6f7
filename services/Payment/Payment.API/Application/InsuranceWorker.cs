using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payment.API.Domain;
using Payment.API.Infrastructure;
using Platform.ServiceDefaults.Workers;

namespace Payment.API.Application;

public sealed class InsuranceSignal : WorkerSignal;

/// <summary>Makes the insurance 结算 once the 自付 part is in, and reverses it when the order is refunded. Both calls are
/// idempotent at the insurance platform (by pre-settlement, by settlement), so a call that timed out — and may have gone
/// through — is simply made again. A 结算 the platform refuses gives the 自付 part back and tells staff.</summary>
public sealed class InsuranceWorker(IServiceScopeFactory scopes, IOptions<PaymentOptions> options, TimeProvider clock, InsuranceSignal signal,
    ILogger<InsuranceWorker> logger) : PollingWorker(signal, logger)
{
    private const int Batch = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly RetryBackoff Backoff = new(TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(5));

    protected override TimeSpan Interval => options.Value.WorkerInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<PaymentDbContext>()
                .ClaimDueAsync(DueRows.InsuranceClaims, clock.GetUtcNow(), Lease, Batch, ct);
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var claim = await services.GetRequiredService<PaymentDbContext>().InsuranceClaims.AsNoTracking().FirstAsync(c => c.Id == id, ct);
            var platform = services.GetRequiredService<InsurancePlatform>();
            try
            {
                if (claim.Status == InsuranceStatus.Settling)
                {
                    var order = await services.GetRequiredService<PaymentDbContext>().Orders.AsNoTracking().FirstAsync(o => o.Id == claim.OrderId, ct);
                    var settled = await platform.SettleAsync(claim.PreSettlementId!, order.TransactionId, ct);
                    await services.GetRequiredService<InsuranceSettlement>().SettledAsync(claim.Id, settled, ct);
                }
                else if (claim.Status == InsuranceStatus.Reversing)
                {
                    var reversed = await platform.ReverseAsync(claim.SettlementId!, "患者退费", ct);
                    await services.GetRequiredService<InsuranceSettlement>().ReversedAsync(claim.Id, reversed, ct);
                }
            }
            catch (InsuranceRefusedException e)
            {
                logger.LogWarning("Insurance refused {Status} of claim {ClaimId}: {Code} {Message}", claim.Status, claim.Id, e.Code, e.Message);
                await services.GetRequiredService<InsuranceSettlement>().RefusedAsync(claim.Id, e.Message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // A timeout may have settled at the platform: the same call again answers that settlement.
                logger.LogWarning(e, "Insurance {Status} of claim {ClaimId} failed; trying again", claim.Status, claim.Id);
                await RetryAsync(services, claim.Id, ct);
            }
        }
        return due.Count == Batch;
    }

    private async Task RetryAsync(IServiceProvider services, Guid claimId, CancellationToken ct)
    {
        var db = services.GetRequiredService<PaymentDbContext>();
        var claim = await db.InsuranceClaims.FirstAsync(c => c.Id == claimId, ct);
        if (claim.Status is not (InsuranceStatus.Settling or InsuranceStatus.Reversing)) return;
        claim.RetryAt(clock.GetUtcNow() + Backoff.After(claim.Attempts + 1));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { }
    }
}
