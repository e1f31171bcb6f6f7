using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Identity.API.Application.Login;

/// <summary>The counters one password attempt is judged by: this login from this source (the client IP as the edge
/// forwards it), this source whatever the login, and this login from anywhere. Stored as keyed hashes.</summary>
public sealed record ThrottleKeys(string Pair, string Source, string Login);

public enum ThrottleState { Open, Locked, SlowDown }

public sealed record ThrottleVerdict(ThrottleState State, int RetryAfterSeconds = 0)
{
    public static readonly ThrottleVerdict Open = new(ThrottleState.Open);
}

/// <summary>Password failures lock a login for the source that made them (5 in 15 minutes), so a stranger's guesses never
/// lock the owner out; a source failing on many logins waits a growing delay before each further attempt; a login
/// failing from many sources at once stops taking passwords for the window (the owner signs in by SMS code meanwhile).
/// Counted with atomic upserts so concurrent guesses on several replicas cannot slip past the limits.</summary>
public sealed class LoginThrottler(IdentityDbContext db, IdentityHashes hashes, TimeProvider clock, IOptions<IdentityServiceOptions> options)
{
    private IdentityServiceOptions Options => options.Value;

    /// <summary><paramref name="login"/> is the account id, or the normalised name for a login no account has, so unknown
    /// names are counted exactly like accounts.</summary>
    public ThrottleKeys KeysFor(string login, string sourceIp) => new(
        hashes.Throttle("pair", login + "\n" + sourceIp), hashes.Throttle("source", sourceIp), hashes.Throttle("login", login));

    public async Task<ThrottleVerdict> CheckAsync(ThrottleKeys keys, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var locks = await db.LoginThrottles.AsNoTracking()
            .Where(t => (t.KeyHash == keys.Pair || t.KeyHash == keys.Source || t.KeyHash == keys.Login) && t.LockedUntil > now)
            .Select(t => new { t.KeyHash, t.LockedUntil }).ToListAsync(ct);
        if (locks.Any(l => l.KeyHash != keys.Source)) return new ThrottleVerdict(ThrottleState.Locked);
        return locks.FirstOrDefault() is { LockedUntil: { } until }
            ? new ThrottleVerdict(ThrottleState.SlowDown, Seconds(until - now))
            : ThrottleVerdict.Open;
    }

    /// <summary>Counts a failure on all three counters; the verdict is what the next attempt will meet.</summary>
    public async Task<ThrottleVerdict> RecordFailureAsync(ThrottleKeys keys, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var window = Options.LockoutWindow;
        var pair = await CountAsync(keys.Pair, Options.LockoutFailures, window, ct);
        var login = await CountAsync(keys.Login, Options.Lockout.LoginFailures, window, ct);
        var source = await CountAsync(keys.Source, int.MaxValue, window, ct);
        var beyond = source - Options.Lockout.SourceFailuresBeforeDelay;
        if (pair >= Options.LockoutFailures || login >= Options.Lockout.LoginFailures) return new ThrottleVerdict(ThrottleState.Locked);
        if (beyond < 0) return ThrottleVerdict.Open;
        // 1 s, 2 s, 4 s … up to the cap: a patient who mistyped a few times barely notices, a guessing script crawls.
        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(beyond, 30)), Options.Lockout.MaxSourceDelay.TotalSeconds));
        await db.LoginThrottles.Where(t => t.KeyHash == keys.Source)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LockedUntil, now + delay), ct);
        return new ThrottleVerdict(ThrottleState.SlowDown, Seconds(delay));
    }

    /// <summary>A success from this source clears its count for this login; the source and login-wide counts run on, so
    /// a guesser cannot wipe them by signing in to an account of their own.</summary>
    public Task ResetAsync(ThrottleKeys keys, CancellationToken ct) =>
        db.LoginThrottles.Where(t => t.KeyHash == keys.Pair).ExecuteDeleteAsync(ct);

    /// <summary>After the owner proved the phone (password reset): the login's own counters start afresh.</summary>
    public Task ForgiveAsync(string login, string sourceIp, CancellationToken ct)
    {
        var keys = KeysFor(login, sourceIp);
        return db.LoginThrottles.Where(t => t.KeyHash == keys.Pair || t.KeyHash == keys.Login).ExecuteDeleteAsync(ct);
    }

    private async Task<int> CountAsync(string key, int max, TimeSpan window, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var windowStart = now - window;
        var lockUntil = now + window;
        var failures = await db.Database.SqlQuery<int>($"""
            INSERT INTO login_throttles (key_hash, failures, window_started_at, locked_until)
            VALUES ({key}, 1, {now}, CASE WHEN 1 >= {max} THEN {lockUntil} END)
            ON CONFLICT (key_hash) DO UPDATE SET
                failures = CASE WHEN login_throttles.window_started_at < {windowStart} THEN 1 ELSE login_throttles.failures + 1 END,
                window_started_at = CASE WHEN login_throttles.window_started_at < {windowStart} THEN {now} ELSE login_throttles.window_started_at END,
                locked_until = CASE
                    WHEN (CASE WHEN login_throttles.window_started_at < {windowStart} THEN 1 ELSE login_throttles.failures + 1 END) >= {max}
                    THEN {lockUntil} ELSE login_throttles.locked_until END
            RETURNING failures AS "Value"
            """).ToListAsync(ct);
        return failures.Single();
    }

    private static int Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
}
