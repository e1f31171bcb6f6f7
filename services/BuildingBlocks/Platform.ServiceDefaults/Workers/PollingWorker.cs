using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Workers;

/// <summary>The platform's shape for table-driven workers: run a round, go again at once while rounds find a full
/// batch, otherwise sleep until nudged or until the interval passes. A failed round is logged and retried at the
/// next wake-up; stopping the host ends the loop without an error.</summary>
public abstract class PollingWorker(WorkerSignal signal, ILogger logger) : BackgroundService
{
    /// <summary>How long to sleep when a round found no more work (read each time, so options can change).</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One round; true when more work may be waiting (e.g. a full batch), so the next round starts at once.</summary>
    protected abstract Task<bool> RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                logger.LogWarning(e, "{Worker} round failed; will retry", GetType().Name);
            }
            if (more) continue;
            try { await signal.WaitAsync(Interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
