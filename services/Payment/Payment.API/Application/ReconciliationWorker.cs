using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payment.API.Infrastructure;
using Platform.ServiceDefaults.Workers;

namespace Payment.API.Application;

public sealed class ReconciliationSignal : WorkerSignal;

/// <summary>Once a day, from Payment:ReconcileAt hospital time, reconciles yesterday if nobody has yet.</summary>
public sealed class ReconciliationWorker(IServiceScopeFactory scopes, IOptions<PaymentOptions> options, TimeProvider clock,
    ReconciliationSignal signal, ILogger<ReconciliationWorker> logger) : PollingWorker(signal, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var local = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        if (TimeOnly.FromDateTime(local.DateTime) < options.Value.ReconcileAt) return false;
        var yesterday = DateOnly.FromDateTime(local.DateTime).AddDays(-1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentDbContext>();
        if (await db.Reconciliations.AnyAsync(r => r.BillDate == yesterday && r.Status != "failed", ct)) return false;
        await scope.ServiceProvider.GetRequiredService<Reconciliation>().RunAsync(yesterday, ct);
        return false;
    }
}
