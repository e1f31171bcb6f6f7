using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Memory;

public sealed class IdleMemoryOptions
{
    /// <summary>How long without a request (health probes aside) before the service gives memory back; zero turns it off.</summary>
    public TimeSpan ReleaseAfterIdle { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>The last time this service did work for someone: every request but health probes, which arrive all day.</summary>
public sealed class ServiceActivity(TimeProvider clock)
{
    private long _last = clock.GetTimestamp();

    public long Last => Interlocked.Read(ref _last);

    public void Mark() => Interlocked.Exchange(ref _last, clock.GetTimestamp());
}

internal sealed class ServiceActivityMiddleware(RequestDelegate next, ServiceActivity activity)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/health")) activity.Mark();
        return next(context);
    }
}

/// <summary>A burst of work (a release-time rush, a sync, start-up seeding) leaves the GC heap and glibc's arenas at their
/// peak until the next collection, which an idle service never needs. Once per idle spell the heap is compacted and
/// decommitted (an aggressive collection) and free native memory is returned to the system (glibc's malloc_trim), so a
/// host running fifteen services pays for their working sets, not for their last peaks (docs/memory.md).</summary>
public sealed class IdleMemoryRelease(ServiceActivity activity, TimeProvider clock, IOptions<IdleMemoryOptions> options,
    ILogger<IdleMemoryRelease> logger) : BackgroundService
{
    private long _releasedFor = -1;
    private int _checks;
    private int _releases;

    /// <summary>How often it has looked, and how often it has given memory back (diagnostics).</summary>
    public int Checks => Volatile.Read(ref _checks);
    public int Releases => Volatile.Read(ref _releases);

    private readonly TimeSpan _idleAfter = options.Value.ReleaseAfterIdle;

    // Started with the service, not when ExecuteAsync gets round to it (it runs on a background thread).
    private readonly PeriodicTimer? _timer = options.Value.ReleaseAfterIdle > TimeSpan.Zero
        ? new PeriodicTimer(options.Value.ReleaseAfterIdle / 4, clock) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is null) return;
        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
            {
                var last = activity.Last;
                if (last != _releasedFor && clock.GetElapsedTime(last) >= _idleAfter)
                {
                    _releasedFor = last;
                    Release();
                    Interlocked.Increment(ref _releases);
                }
                Interlocked.Increment(ref _checks);
            }
        }
        catch (OperationCanceledException) { }
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    private void Release()
    {
        var before = Environment.WorkingSet;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        if (OperatingSystem.IsLinux()) TrimNativeHeap();
        logger.LogInformation("Idle: gave back {Released} MB (working set {WorkingSet} MB)",
            Math.Max(0, before - Environment.WorkingSet) >> 20, Environment.WorkingSet >> 20);
    }

    private static void TrimNativeHeap()
    {
        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (e.g. musl in an Alpine image): nothing to trim this way.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
