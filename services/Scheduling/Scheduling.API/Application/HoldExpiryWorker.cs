using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Workers;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Application;

public sealed class HoldExpirySignal : WorkerSignal;

/// <summary>Returns unpaid holds (待支付 past Scheduling:HoldMinutes) to the pool, cancelling them at the HIS, and tells a
/// patient whose booking the HIS has not answered for Scheduling:HisSlowAfter that the hospital is being waited for.
/// Idempotency keys are forgotten after a day. Rows are claimed with FOR UPDATE SKIP LOCKED, so replicas share the work; nothing else is called inside.</summary>
public sealed class HoldExpiryWorker(
    IServiceScopeFactory scopes, IOptions<SchedulingOptions> options, TimeProvider clock, HoldExpirySignal signal,
    ILogger<HoldExpiryWorker> logger) : PollingWorker(signal, logger)
{
    private const int Batch = 100;

    protected override TimeSpan Interval => options.Value.WorkerInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        var news = scope.ServiceProvider.GetRequiredService<AppointmentNews>();
        var payments = scope.ServiceProvider.GetRequiredService<AppointmentPayments>();
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lapsed = await db.Appointments
            .FromSql($"SELECT *, xmin FROM appointments WHERE status = 'awaitingPayment' AND hold_expires_at <= {now} ORDER BY hold_expires_at LIMIT {Batch} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        foreach (var appointment in lapsed)
        {
            appointment.Expire(now);
            await db.ReleaseAsync(appointment, ct);
            news.StatusChanged(appointment);
            news.HisCancelRequested(appointment, "未在规定时间内支付，预约已过期");
            payments.Settle(appointment, "未在规定时间内支付，预约已过期");
        }
        var slowSince = now - options.Value.HisSlowAfter;
        var slow = await db.Appointments
            .FromSql($"SELECT *, xmin FROM appointments WHERE status = 'locking' AND NOT slow_notified AND created_at <= {slowSince} LIMIT {Batch} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        foreach (var appointment in slow)
        {
            appointment.MarkSlow();
            news.StatusChanged(appointment, AppointmentStatus.WaitingForHospital);
        }
        await db.SaveChangesAsync(ct);
        // A retry comes within minutes; a day-old key answers nothing any more.
        var forgetBefore = now.AddDays(-1);
        await db.IdempotencyRecords.Where(r => r.CreatedAt < forgetBefore).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return lapsed.Count == Batch || slow.Count == Batch;
    }
}
