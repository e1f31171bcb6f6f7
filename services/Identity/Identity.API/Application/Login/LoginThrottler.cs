using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Identity.API.Application.Login;

/// <summary>Locks a login for the window after too many failures inside it. Counted with one atomic upsert so concurrent
/// guesses on several replicas cannot slip past the limit.</summary>
public sealed class LoginThrottler(IdentityDbContext db, TimeProvider clock, IOptions<IdentityServiceOptions> options)
{
    public async Task<bool> IsLockedAsync(string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.LoginThrottles.AnyAsync(t => t.KeyHash == key && t.LockedUntil > now, ct);
    }

    /// <summary>Counts a failure; true when this failure locked the login.</summary>
    public async Task<bool> RecordFailureAsync(string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var window = options.Value.LockoutWindow;
        var windowStart = now - window;
        var lockUntil = now + window;
        var max = options.Value.LockoutFailures;
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
        return failures.Single() >= max;
    }

    public Task ResetAsync(string key, CancellationToken ct) =>
        db.LoginThrottles.Where(t => t.KeyHash == key).ExecuteDeleteAsync(ct);
}
