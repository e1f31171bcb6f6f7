using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Problems;
using Queue.API.Domain;
using Queue.API.Infrastructure;

namespace Queue.API.Application;

/// <summary>The doctor's 叫号 actions, on their own clinics only (<see cref="DeskAccess"/>). Each runs under the queue's row lock
/// and sends its events with the change.</summary>
public sealed class QueueDesk(QueueDbContext db, QueueLines lines, QueueNews news, IOptions<QueueOptions> options, TimeProvider clock)
{
    /// <summary>The patient being seen is done; the first in line is called.</summary>
    public Task CallNextAsync(Guid queueId, ClaimsPrincipal actor, CancellationToken ct) => ChangeAsync(queueId, actor, "call-next", ct, (queue, calling, waiting) =>
    {
        if (waiting.Count == 0) throw new ProblemException(409, "queue_empty", "当前没有候诊的患者");
        if (calling is not null) calling.Status = TicketStatus.Done;
        var next = waiting[0];
        var now = clock.GetUtcNow();
        next.Status = TicketStatus.Called;
        next.CalledAt = now;
        next.CallCount++;
        queue.CallingTicketId = next.Id;
        queue.CallingNumber = next.Number;
        db.Calls.Add(new QueueCall { Id = Guid.CreateVersion7(), QueueId = queue.Id, TicketId = next.Id, CalledAt = now });
        news.Called(queue, next, recall: false);
        return Task.FromResult<IEnumerable<Guid>>(calling is null ? [] : [calling.PatientId]);
    });

    /// <summary>重呼: the same number again, for a patient who did not hear it.</summary>
    public Task RecallAsync(Guid queueId, ClaimsPrincipal actor, CancellationToken ct) => ChangeAsync(queueId, actor, "recall", ct, (queue, calling, _) =>
    {
        var ticket = calling ?? throw NobodyCalled();
        ticket.CallCount++;
        news.Called(queue, ticket, recall: true);
        return Task.FromResult<IEnumerable<Guid>>([]);
    });

    /// <summary>过号: the called patient is not here yet; they go back a few places instead of losing their turn.</summary>
    public Task SkipAsync(Guid queueId, ClaimsPrincipal actor, CancellationToken ct) => ChangeAsync(queueId, actor, "skip", ct, (queue, calling, waiting) =>
    {
        var ticket = calling ?? throw NobodyCalled();
        ticket.Status = TicketStatus.Waiting;
        ticket.SkipCount++;
        if (waiting.Count > 0)
        {
            var behind = waiting[Math.Min(options.Value.SkipPlaces, waiting.Count) - 1];
            ticket.OrderAt = behind.OrderAt;
            ticket.OrderTie = behind.OrderTie.AddTicks(1);
        }
        queue.CallingTicketId = null;
        queue.CallingNumber = null;
        return Task.FromResult<IEnumerable<Guid>>([]);
    });

    /// <summary>未到: the called patient leaves the queue (they may check in again at the desk).</summary>
    public Task MarkAbsentAsync(Guid queueId, ClaimsPrincipal actor, CancellationToken ct) => ChangeAsync(queueId, actor, "absent", ct, (queue, calling, _) =>
    {
        var ticket = calling ?? throw NobodyCalled();
        ticket.Status = TicketStatus.Absent;
        queue.CallingTicketId = null;
        queue.CallingNumber = null;
        return Task.FromResult<IEnumerable<Guid>>([ticket.PatientId]);
    });

    private async Task ChangeAsync(Guid queueId, ClaimsPrincipal actor, string change, CancellationToken ct,
        Func<ClinicQueue, QueueTicket?, List<QueueTicket>, Task<IEnumerable<Guid>>> apply)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var queue = await lines.LockAsync(queueId, ct);
        // Checked under the lock, so a reassignment by staff cannot slip between the check and the change.
        DeskAccess.EnsureMayRun(actor, queue);
        if (queue.Day != ClinicDay.Of(clock.GetUtcNow())) throw new ProblemException(409, "queue_closed", "只能操作今天的队列");
        var calling = queue.CallingTicketId is { } id ? await db.Tickets.SingleOrDefaultAsync(t => t.Id == id, ct) : null;
        var waiting = await lines.WaitingAsync(queueId, ct);
        var alsoTell = await apply(queue, calling, waiting);
        await db.SaveChangesAsync(ct);
        var nowCalling = queue.CallingTicketId is { } now ? await db.Tickets.SingleAsync(t => t.Id == now, ct) : null;
        news.Changed(queue, change, await lines.WaitingAsync(queueId, ct), nowCalling, alsoTell);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static ProblemException NobodyCalled() => new(409, "nobody_called", "当前没有正在叫号的患者，请先叫号");
}
