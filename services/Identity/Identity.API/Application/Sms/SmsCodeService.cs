using System.Security.Cryptography;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Security.Masking;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Sms;

namespace Identity.API.Application.Sms;

/// <summary>Issues and checks 6-digit codes. Limits are counted in PostgreSQL under an advisory lock per number and per
/// requester, so they hold across replicas and concurrent requests. A code is sent while the request waits, after its
/// row is committed (no transaction is open during the call): if the provider does not take it, the request says so
/// in Chinese and the code is withdrawn, so it never goes missing silently and does not hold back the next request.</summary>
public sealed class SmsCodeService(IdentityDbContext db, IdentityHashes hashes, ISmsSender sender, TimeProvider clock,
    IOptions<IdentityServiceOptions> options, ILogger<SmsCodeService> logger)
{
    private SmsCodeOptions Limits => options.Value.SmsCodes;

    /// <summary>Records a code for <paramref name="phone"/>; the message is only sent when <paramref name="deliver"/>
    /// (a login or reset code for an unknown number is counted but never sent).</summary>
    public async Task<int> IssueAsync(string phone, string purpose, string requesterIp, bool deliver, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var phoneHash = hashes.Phone(phone);
        var requesterHash = hashes.Requester(requesterIp);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"sms:" + phoneHash}, 0))", ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"sms-ip:" + requesterHash}, 0))", ct);

        var recent = await db.SmsCodes.Where(c => c.PhoneHash == phoneHash && c.CreatedAt > now.AddDays(-1))
            .Select(c => c.CreatedAt).ToListAsync(ct);
        if (recent.Any(at => at > now - Limits.ResendInterval))
            throw TooMany((int)Math.Ceiling((recent.Max() + Limits.ResendInterval - now).TotalSeconds), "验证码发送过于频繁，请稍后再试");
        if (recent.Count >= Limits.PerNumberPerDay)
            throw TooMany(3600, "该手机号今日获取验证码次数已达上限，请明天再试");
        var fromRequester = await db.SmsCodes.CountAsync(c => c.RequesterHash == requesterHash && c.CreatedAt > now.AddHours(-1), ct);
        if (fromRequester >= Limits.PerRequesterPerHour)
            throw TooMany(600, "请求验证码过于频繁，请稍后再试");

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        var id = Guid.CreateVersion7();
        db.SmsCodes.Add(new SmsCode
        {
            Id = id, PhoneHash = phoneHash, Purpose = purpose, RequesterHash = requesterHash, CodeHash = hashes.SmsCode(id, code),
            CreatedAt = now, ExpiresAt = now + Limits.Lifetime,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        if (deliver) await SendAsync(id, phone, purpose, code, ct);
        return (int)Limits.ResendInterval.TotalSeconds;
    }

    private async Task SendAsync(Guid codeId, string phone, string purpose, string code, CancellationToken ct)
    {
        var template = purpose == SmsPurpose.SecondFactor ? "login_code" : "verification_code";
        var result = await sender.SendAsync(phone, template,
            new Dictionary<string, string> { ["code"] = code, ["minutes"] = ((int)Limits.Lifetime.TotalMinutes).ToString() }, ct);
        if (result.Sent)
        {
            logger.LogInformation("SMS {Template} sent to {Phone}", template, Mask.Phone(phone));
            return;
        }
        logger.LogWarning("SMS {Template} to {Phone} not sent: {Error}", template, Mask.Phone(phone), result.Error);
        // The code never reached the phone: it must not block the resend interval nor count against the daily limit.
        await db.SmsCodes.Where(c => c.Id == codeId).ExecuteDeleteAsync(CancellationToken.None);
        throw new ProblemException(503, "sms_unavailable", "短信发送失败，请稍后重试");
    }

    /// <summary>Checks <paramref name="code"/> against the newest usable code; a match spends it, a miss counts against it
    /// and the fifth miss burns it.</summary>
    public async Task<bool> VerifyAsync(string phone, string purpose, string? code, CancellationToken ct) =>
        await MatchAsync(phone, purpose, code, ct) is { } id && await SpendAsync(id, ct);

    /// <summary>The id of the usable code <paramref name="code"/> matches, left unspent (a sign-in that still needs its
    /// second factor spends it only once that is verified); a miss counts against the code.</summary>
    public async Task<Guid?> MatchAsync(string phone, string purpose, string? code, CancellationToken ct)
    {
        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit)) return null;
        var now = clock.GetUtcNow();
        var phoneHash = hashes.Phone(phone);
        var candidate = await db.SmsCodes
            .Where(c => c.PhoneHash == phoneHash && c.Purpose == purpose && c.ConsumedAt == null && c.ExpiresAt > now
                        && c.FailedAttempts < Limits.MaxAttempts)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (candidate is null) return null;

        var matches = CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(hashes.SmsCode(candidate.Id, code)), System.Text.Encoding.ASCII.GetBytes(candidate.CodeHash));
        if (matches) return candidate.Id;
        // Conditional update: concurrent misses are all counted.
        await db.SmsCodes.Where(c => c.Id == candidate.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), ct);
        return null;
    }

    /// <summary>Spends a matched code; false when a concurrent request spent it first (or it was burnt meanwhile).</summary>
    public async Task<bool> SpendAsync(Guid codeId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.SmsCodes.Where(c => c.Id == codeId && c.ConsumedAt == null && c.ExpiresAt > now && c.FailedAttempts < Limits.MaxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), ct) == 1;
    }

    private static ProblemException TooMany(int retryAfterSeconds, string message) =>
        new RateLimitedException(Math.Max(retryAfterSeconds, 1), message);
}

public sealed class RateLimitedException(int retryAfterSeconds, string message) : ProblemException(429, "too_many_requests", message)
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
