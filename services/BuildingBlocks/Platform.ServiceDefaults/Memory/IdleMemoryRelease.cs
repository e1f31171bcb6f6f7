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
internal sealed class IdleMemoryRelease(ServiceActivity activity, TimeProvider clock, IOptions<IdleMemoryOptions> options,
    ILogger<IdleMemoryRelease> logger) : BackgroundService
{
    private long _releasedFor = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idleAfter = options.Value.ReleaseAfterIdle;
        if (idleAfter <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(idleAfter / 4, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var last = activity.Last;
                if (last == _releasedFor || clock.GetElapsedTime(last) < idleAfter) continue;
                _releasedFor = last;
                Release();
            }
        }
        catch (OperationCanceledException) { }
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
