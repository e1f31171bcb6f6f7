using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.Messaging.Outbox;

/// <summary>Publishes committed outbox rows, oldest first. Rows are claimed with FOR UPDATE SKIP LOCKED so replicas share
/// the work; a row whose publish fails stays pending and is retried with backoff until the broker takes it. Each row is
/// published inside the trace that wrote it, so MassTransit carries that trace to the consumers.</summary>
internal sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes, IBus bus, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // Polling the table every second is no one's work: only the publishes below are traced.
        using var quiet = SuppressInstrumentationScope.Begin();
        var lastCleanup = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await DispatchBatchAsync(settings, stoppingToken);
                if (clock.GetUtcNow() - lastCleanup > TimeSpan.FromHours(1))
                {
                    await CleanupAsync(settings, stoppingToken);
                    lastCleanup = clock.GetUtcNow();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e)
            {
                logger.LogWarning(e, "Outbox dispatch round failed; will retry");
            }
            // A full batch means more may be waiting: go again at once.
            if (published < settings.BatchSize) await signal.WaitAsync(settings.PollInterval, clock, stoppingToken);
        }
    }

    private async Task<int> DispatchBatchAsync(OutboxOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Due by the service's clock, the one that wrote next_attempt_at, not the database server's.
        var now = clock.GetUtcNow();
        var batch = await db.Set<OutboxMessage>()
            .FromSqlInterpolated($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND next_attempt_at <= {now}
                ORDER BY created_at, id
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        var published = 0;
        foreach (var row in batch)
        {
            // A failure most likely means the broker is unreachable: the rest of the batch would only time out too.
            if (!await TryPublishAsync(row, settings, ct)) break;
            published++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return published;
    }

    private static readonly ActivitySource Source = new(TelemetrySetup.OutboxSource);

    private async Task<bool> TryPublishAsync(OutboxMessage row, OutboxOptions settings, CancellationToken ct)
    {
        // The dispatcher's own round is no parent of what it publishes: each row starts from its writer's context.
        Activity.Current = null;
        using var traced = SuppressInstrumentationScope.Begin(false);
        ActivityContext.TryParse(row.TraceParent, null, out var writer);
        using var activity = Source.StartActivity("outbox publish", ActivityKind.Internal, writer);
        activity?.SetTag("messaging.message.id", row.Id);
        activity?.SetTag("messaging.message.type", row.MessageType);
        try
        {
            var type = MessageTypeName.Resolve(row.MessageType);
            var message = JsonSerializer.Deserialize(row.Payload, type, OutboxJson.Options)!;
            using var timeout = new CancellationTokenSource(settings.PublishTimeout, clock);
            using var publishCt = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            await bus.Publish(message, type, ctx => ctx.MessageId = row.Id, publishCt.Token);
            row.SentAt = clock.GetUtcNow();
            row.LastError = null;
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            row.Attempts++;
            var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, row.Attempts - 1), settings.MaxBackoff.TotalSeconds));
            row.NextAttemptAt = clock.GetUtcNow() + delay;
            row.LastError = e.GetType().Name + ": " + e.Message;
            logger.LogWarning("Outbox publish of {MessageId} failed (attempt {Attempt}), next try in {Delay}s: {Error}",
                row.Id, row.Attempts, delay.TotalSeconds, row.LastError);
            return false;
        }
    }

    private async Task CleanupAsync(OutboxOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = clock.GetUtcNow() - settings.Retention;
        await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(ct);
        await db.Set<Inbox.InboxMessage>().Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}

public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 100;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long sent rows and processed-message ids are kept: longer than any broker redelivery.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
