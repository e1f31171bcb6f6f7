using MassTransit;
using Microsoft.EntityFrameworkCore;

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
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var first = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO inbox_messages (message_id, consumer) VALUES ({messageId}, {consumer}) ON CONFLICT DO NOTHING", ct) == 1;
        if (!first)
        {
            await tx.RollbackAsync(ct);
            return;
        }
        await HandleAsync(context.Message, context);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}
