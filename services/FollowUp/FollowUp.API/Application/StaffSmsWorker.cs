using FollowUp.API.Extensions;
using FollowUp.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Security.Encryption;
using Platform.ServiceDefaults.Sms;
using Platform.ServiceDefaults.Workers;

namespace FollowUp.API.Application;

/// <summary>Sends staff alerts by SMS. Rows are claimed with a short lease in one transaction, sent outside it, and
/// the outcome recorded only while the lease is still ours, so replicas and restarts never send one twice at once.</summary>
public sealed class StaffSmsWorker(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<FollowUpOptions> options, StaffSmsSignal signal, ILogger<StaffSmsWorker> logger)
    : PollingWorker(signal, logger)
{
    public const string PhoneContext = "staff_contacts.phone";
    private const int Batch = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly RetryBackoff Backoff = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10));
    private readonly string _owner = LeaseOwner.New("followup-staff-sms");

    protected override TimeSpan Interval => options.Value.WorkerInterval;

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<ISmsSender>();
        var encryptor = scope.ServiceProvider.GetRequiredService<IFieldEncryptor>();
        var now = clock.GetUtcNow();
        List<Guid> claimed;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var due = await db.StaffSms.FromSqlInterpolated(
                    $"SELECT * FROM staff_sms WHERE status = 'pending' AND next_attempt_at <= {now} AND (lease_until IS NULL OR lease_until < {now}) ORDER BY next_attempt_at LIMIT {Batch} FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct);
            foreach (var s in due) { s.LeaseOwner = _owner; s.LeaseUntil = now + Lease; }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            claimed = due.Select(s => s.Id).ToList();
        }
        foreach (var id in claimed)
        {
            var row = await db.StaffSms.AsNoTracking().SingleAsync(s => s.Id == id, ct);
            var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == row.AlertId, ct);
            var text = $"【{alert.Group}】{alert.Title}：{alert.Body}";
            var result = await sender.SendAsync(encryptor.Decrypt(row.PhoneEncrypted, PhoneContext), options.Value.SmsTemplate,
                new Dictionary<string, string> { [options.Value.SmsTextParameter] = text }, ct);
            var attempts = row.Attempts + 1;
            var after = clock.GetUtcNow();
            var status = result.Sent ? "sent" : result.Permanent || attempts >= options.Value.SmsMaxAttempts ? "failed" : "pending";
            await db.StaffSms.Where(s => s.Id == id && s.LeaseOwner == _owner).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, status)
                .SetProperty(s => s.Attempts, attempts)
                .SetProperty(s => s.SentAt, result.Sent ? after : null)
                .SetProperty(s => s.Error, result.Error)
                .SetProperty(s => s.NextAttemptAt, after + Backoff.After(attempts))
                .SetProperty(s => s.LeaseOwner, (string?)null)
                .SetProperty(s => s.LeaseUntil, (DateTimeOffset?)null), ct);
            if (!result.Sent) logger.LogWarning("Staff SMS {Id} not sent: {Error}", id, result.Error);
        }
        return claimed.Count == Batch;
    }
}
