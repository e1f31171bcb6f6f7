using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using Platform.ServiceDefaults.Telemetry;
using Platform.ServiceDefaults.Workers;

namespace Platform.Messaging.Outbox;

/// <summary>Publishes committed outbox rows, oldest first, in three steps so that no transaction or row lock is held
/// while the broker is called: claim a batch with a short lease (one UPDATE over FOR UPDATE SKIP LOCKED, so replicas
/// share the work), publish outside any transaction, then record each outcome where the lease is still ours. A
/// dispatcher that dies mid-batch leaves leases that expire, and the rows are published again (consumers are
/// idempotent). Each row is published inside the trace that wrote it, so MassTransit carries that trace on.</summary>
internal sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes, IBus bus, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger) : PollingWorker(signal, logger) where TContext : DbContext
{
    private readonly string _owner = LeaseOwner.New("outbox");
    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Polling the table every second is no one's work: only the publishes are traced.
        using var quiet = SuppressInstrumentationScope.Begin();
        await base.ExecuteAsync(stoppingToken);
    }

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var published = await DispatchBatchAsync(settings, ct);
        if (clock.GetUtcNow() - _lastCleanup > TimeSpan.FromHours(1))
        {
            await CleanupAsync(settings, ct);
            _lastCleanup = clock.GetUtcNow();
        }
        // A full batch means more may be waiting: go again at once.
        return published >= settings.BatchSize;
    }

    private async Task<int> DispatchBatchAsync(OutboxOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var batch = await ClaimAsync(db, settings, ct);
        var outcomes = new List<(OutboxMessage Row, string? Error)>();
        foreach (var row in batch)
        {
            var error = await TryPublishAsync(row, settings, ct);
            outcomes.Add((row, error));
            // A failure most likely means the broker is unreachable: the rest of the batch would only time out too.
            if (error is not null) break;
        }
        await RecordAsync(db, batch, outcomes, settings, ct);
        return outcomes.Count(o => o.Error is null);
    }

    /// <summary>One statement, so its own short transaction: the row locks last only as long as the UPDATE.</summary>
    private async Task<List<OutboxMessage>> ClaimAsync(TContext db, OutboxOptions settings, CancellationToken ct)
    {
        // Due and leased by the service's clock, the one that wrote next_attempt_at, not the database server's.
        var now = clock.GetUtcNow();
        var leasedUntil = now + settings.Lease;
        var claimed = await db.Set<OutboxMessage>()
            .FromSqlInterpolated($"""
                UPDATE outbox_messages SET leased_until = {leasedUntil}, lease_owner = {_owner}
                WHERE id IN (
                    SELECT id FROM outbox_messages
                    WHERE sent_at IS NULL AND next_attempt_at <= {now} AND (leased_until IS NULL OR leased_until < {now})
                    ORDER BY created_at, id
                    LIMIT {settings.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .AsNoTracking()
            .ToListAsync(ct);
        return claimed.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToList();
    }

    /// <summary>A short transaction after the publishes; a row whose lease another dispatcher took over is left to it.</summary>
    private async Task RecordAsync(TContext db, List<OutboxMessage> batch, List<(OutboxMessage Row, string? Error)> outcomes,
        OutboxOptions settings, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var rows = db.Set<OutboxMessage>();
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sent = outcomes.Where(o => o.Error is null).Select(o => o.Row.Id).ToList();
        if (sent.Count > 0)
            await rows.Where(m => sent.Contains(m.Id) && m.LeaseOwner == _owner).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, now).SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null).SetProperty(m => m.LeaseOwner, (string?)null), ct);
        foreach (var (row, error) in outcomes.Where(o => o.Error is not null))
        {
            var attempts = row.Attempts + 1;
            var delay = settings.Backoff.After(attempts);
            await rows.Where(m => m.Id == row.Id && m.LeaseOwner == _owner).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, now + delay)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null).SetProperty(m => m.LeaseOwner, (string?)null), ct);
            logger.LogWarning("Outbox publish of {MessageId} failed (attempt {Attempt}), next try in {Delay}: {Error}",
                row.Id, attempts, delay, error);
        }
        // Rows left unpublished after a failure go back at once, for this or another dispatcher's next round.
        var untried = batch.Select(m => m.Id).Except(outcomes.Select(o => o.Row.Id)).ToList();
        if (untried.Count > 0)
            await rows.Where(m => untried.Contains(m.Id) && m.LeaseOwner == _owner).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null).SetProperty(m => m.LeaseOwner, (string?)null), ct);
        await tx.CommitAsync(ct);
    }

    private static readonly ActivitySource Source = new(TelemetrySetup.OutboxSource);

    /// <summary>Null when the broker took the message, the error otherwise.</summary>
    private async Task<string?> TryPublishAsync(OutboxMessage row, OutboxOptions settings, CancellationToken ct)
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
            return null;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            return e.GetType().Name + ": " + e.Message;
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

    /// <summary>How long a claimed batch is held; past it, another dispatcher may publish the rows again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long sent rows and processed-message ids are kept: longer than any broker redelivery.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    internal RetryBackoff Backoff => new(TimeSpan.FromSeconds(1), MaxBackoff);
}
