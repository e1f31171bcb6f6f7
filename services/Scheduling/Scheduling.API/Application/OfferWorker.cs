using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Workers;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Application;

/// <summary>Lapsed offers (and exam holds after 设备故障) give their unit back (a waitlist place lapses with it), then each waitlisted session's free
/// units are offered to its first waiting patients. Expiry claims rows with FOR UPDATE SKIP LOCKED and each session is
/// served under its own advisory lock, so replicas share the work; time is the service's <see cref="TimeProvider"/>.</summary>
public sealed class OfferWorker(
    IServiceScopeFactory scopes, IOptions<SchedulingOptions> options, TimeProvider clock, OfferSignal signal,
    ILogger<OfferWorker> logger) : PollingWorker(signal, logger)
{
    private const int Batch = 100;

    protected override TimeSpan Interval => options.Value.WorkerInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var more = await ExpireAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        var sessions = await db.Waitlist.AsNoTracking().Where(w => w.Status == WaitlistEntry.Waiting)
            .Select(w => w.SessionId).Distinct().Take(Batch).ToListAsync(ct);
        foreach (var session in sessions)
        {
            await using var round = scopes.CreateAsyncScope();
            more |= await round.ServiceProvider.GetRequiredService<Waitlists>().ServeAsync(session, ct);
        }
        return more;
    }

    private async Task<bool> ExpireAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        var offers = scope.ServiceProvider.GetRequiredService<SlotOffers>();
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lapsed = await db.Offers
            .FromSql($"SELECT *, xmin FROM slot_offers WHERE status = 'open' AND hold_until <= {now} ORDER BY hold_until LIMIT {Batch} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        foreach (var offer in lapsed)
            await offers.CloseAsync(offer, SlotOffer.Expired, WaitlistEntry.Lapsed, now, ct, "未在规定时间内确认");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var moreExams = await scope.ServiceProvider.GetRequiredService<ExamOffers>().ExpireAsync(now, Batch, ct);
        return lapsed.Count == Batch || moreExams;
    }
}
