using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Messaging.Outbox;

/// <summary>After a save outside an explicit transaction (it committed) or after an explicit commit, nudge the dispatcher.</summary>
internal sealed class OutboxSaveInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData data, int result, CancellationToken ct = default)
    {
        if (data.Context?.Database.CurrentTransaction is null) signal.Nudge();
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData data, int result)
    {
        if (data.Context?.Database.CurrentTransaction is null) signal.Nudge();
        return result;
    }
}

internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData data, CancellationToken ct = default)
    {
        signal.Nudge();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData data) => signal.Nudge();
}
