using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Messaging.Outbox;

/// <summary>Nudges the dispatcher once a save that added outbox rows has committed: at once for a save outside an
/// explicit transaction, at commit otherwise. Saves without new rows (the dispatcher's own) never nudge, or the
/// dispatcher would wake itself forever.</summary>
internal sealed class OutboxSaveInterceptor(OutboxSignal signal, PendingOutboxContexts pending) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData data, InterceptionResult<int> result,
        CancellationToken ct = default)
    {
        Track(data.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData data, InterceptionResult<int> result)
    {
        Track(data.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData data, int result, CancellationToken ct = default)
    {
        Saved(data.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData data, int result)
    {
        Saved(data.Context);
        return result;
    }

    private void Track(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
            pending.Mark(context);
    }

    private void Saved(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null && context is not null && pending.Take(context)) signal.Nudge();
    }
}

internal sealed class OutboxCommitInterceptor(OutboxSignal signal, PendingOutboxContexts pending) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData data, CancellationToken ct = default)
    {
        TransactionCommitted(transaction, data);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData data)
    {
        if (data.Context is not null && pending.Take(data.Context)) signal.Nudge();
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData data, CancellationToken ct = default)
    {
        TransactionRolledBack(transaction, data);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData data)
    {
        if (data.Context is not null) pending.Take(data.Context);
    }
}

/// <summary>Contexts whose saved outbox rows are not yet known to be committed.</summary>
internal sealed class PendingOutboxContexts
{
    private readonly ConditionalWeakTable<DbContext, object> _contexts = new();

    public void Mark(DbContext context) => _contexts.AddOrUpdate(context, this);

    public bool Take(DbContext context) => _contexts.Remove(context);
}
