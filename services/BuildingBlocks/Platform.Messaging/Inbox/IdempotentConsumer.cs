using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Messaging.Inbox;

/// <summary>Acts on each message id once: the inbox row and the consumer's own changes (including outbox rows it
/// adds) commit in one transaction; a redelivered or duplicated message finds the row and is skipped.</summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db) : IConsumer<TMessage>
    where TMessage : class where TContext : DbContext
{
    protected TContext Db => db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("Message without MessageId cannot be deduplicated");
        var consumer = GetType().Name;
        var ct = context.CancellationToken;
        var processedAt = Clock(context).GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var first = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {processedAt}) ON CONFLICT DO NOTHING", ct) == 1;
        if (!first)
        {
            await tx.RollbackAsync(ct);
            return;
        }
        await HandleAsync(context.Message, context);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The service's clock from the consumer's scope (MassTransit carries it with the message), so the
    /// consumers deriving from this class keep their constructors.</summary>
    private static TimeProvider Clock(ConsumeContext context) =>
        context.TryGetPayload<IServiceProvider>(out var services) ? services.GetService<TimeProvider>() ?? TimeProvider.System
            : TimeProvider.System;

    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}
