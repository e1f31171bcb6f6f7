using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;
using Queue.API.Domain;
using Queue.API.Infrastructure;

namespace Queue.API.Application;

/// <summary>Reads a queue's line in order, and locks the queue row so two doctors' clicks or two check-ins are applied
/// one after the other (the lock never spans a network call: events go to the outbox).</summary>
public sealed class QueueLines(QueueDbContext db)
{
    public async Task<ClinicQueue> LockAsync(Guid queueId, CancellationToken ct) =>
        await db.Queues.FromSqlInterpolated($"SELECT * FROM clinic_queues WHERE id = {queueId} FOR UPDATE").SingleOrDefaultAsync(ct)
        ?? throw new ProblemException(404, "queue_not_found", "队列不存在");

    /// <summary>Waiting tickets, first in line first.</summary>
    public Task<List<QueueTicket>> WaitingAsync(Guid queueId, CancellationToken ct) =>
        db.Tickets.Where(t => t.QueueId == queueId && t.Status == TicketStatus.Waiting)
            .OrderBy(t => t.OrderAt).ThenBy(t => t.OrderTie).ToListAsync(ct);

    public static int PeopleAhead(IReadOnlyList<QueueTicket> waiting, Guid ticketId)
    {
        for (var i = 0; i < waiting.Count; i++)
            if (waiting[i].Id == ticketId) return i;
        return 0;
    }
}
