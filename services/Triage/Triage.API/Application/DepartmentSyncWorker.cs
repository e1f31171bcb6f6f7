using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Workers;

namespace Triage.API.Application;

public sealed class DepartmentSyncSignal : WorkerSignal;

/// <summary>Reads the hospital's departments at start-up and every <see cref="TriageOptions.DepartmentRefresh"/>;
/// while the Hospital service is unreachable it tries again every 15 s. Events keep the copy current in between.</summary>
public sealed class DepartmentSyncWorker(IServiceScopeFactory scopes, DepartmentSyncSignal signal, IOptions<TriageOptions> options,
    ILogger<DepartmentSyncWorker> logger) : PollingWorker(signal, logger)
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(15);
    private bool _lastFailed = true;

    protected override TimeSpan Interval => _lastFailed ? RetryAfterFailure : options.Value.DepartmentRefresh;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        _lastFailed = true;
        await using var scope = scopes.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<DepartmentSync>().RunAsync(ct);
        _lastFailed = false;
        logger.LogInformation("Synced {Count} hospital departments", count);
        return false;
    }
}
