using System.Text.RegularExpressions;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Identity.API.Application.Login;

public enum CredentialOutcome { Valid, Invalid, Locked, SlowDown }

public sealed record CredentialCheck(CredentialOutcome Outcome, Account? Account, ThrottleKeys Keys, int RetryAfterSeconds = 0)
{
    /// <summary>What the person is told when the check did not pass.</summary>
    public TokenError Refusal => Outcome switch
    {
        CredentialOutcome.Locked => TokenError.Locked,
        CredentialOutcome.SlowDown => TokenError.SlowDown(RetryAfterSeconds),
        _ => TokenError.InvalidCredentials,
    };
}

/// <summary>Username-or-phone plus password, throttled per login and source (see <see cref="LoginThrottler"/>). Unknown
/// logins cost one password hash too and are throttled under their own key, so the answers and their timing do not
/// reveal which accounts exist.</summary>
public sealed partial class CredentialChecker(IdentityDbContext db, IdentityHashes hashes, IPasswordHasher<Account> hasher,
    LoginThrottler throttler)
{
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<Account>().HashPassword(null!, Guid.NewGuid().ToString()));

    public async Task<CredentialCheck> CheckAsync(string? login, string? password, string sourceIp, CancellationToken ct)
    {
        var name = (login ?? "").Trim();
        var account = await FindAsync(name, ct);
        return await VerifyAsync(account, password, throttler.KeysFor(ThrottleLogin(account, name), sourceIp), ct);
    }

    /// <summary>The signed-in account's own password (changing it), under the same throttle as signing in.</summary>
    public Task<CredentialCheck> CheckAsync(Account account, string? password, string sourceIp, CancellationToken ct) =>
        VerifyAsync(account, password, throttler.KeysFor(ThrottleLogin(account, ""), sourceIp), ct);

    public static string ThrottleLogin(Account? account, string name) =>
        account is null ? "name:" + Account.Normalize(name) : "account:" + account.Id.ToString("N");

    private async Task<CredentialCheck> VerifyAsync(Account? account, string? password, ThrottleKeys keys, CancellationToken ct)
    {
        var verdict = await throttler.CheckAsync(keys, ct);
        if (verdict.State != ThrottleState.Open) return Refused(verdict, keys);

        var verified = account is null
            ? Decoy(password)
            : !string.IsNullOrEmpty(password) && account.PasswordHash.Length > 0
              && hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (verified) return new CredentialCheck(CredentialOutcome.Valid, account, keys);
        verdict = await throttler.RecordFailureAsync(keys, ct);
        // A delay that starts with this failure still answers "wrong password" now; the next attempt meets the delay.
        return verdict.State == ThrottleState.Locked ? Refused(verdict, keys) : new CredentialCheck(CredentialOutcome.Invalid, null, keys);
    }

    private static CredentialCheck Refused(ThrottleVerdict verdict, ThrottleKeys keys) => new(
        verdict.State == ThrottleState.Locked ? CredentialOutcome.Locked : CredentialOutcome.SlowDown, null, keys, verdict.RetryAfterSeconds);

    private async Task<Account?> FindAsync(string login, CancellationToken ct)
    {
        if (login.Length is 0 or > 64) return null;
        if (Phone().IsMatch(login))
        {
            var phoneHash = hashes.Phone(login);
            return await db.Accounts.FirstOrDefaultAsync(a => a.PhoneHash == phoneHash && a.ClosedAt == null, ct);
        }
        var normalized = Account.Normalize(login);
        return await db.Accounts.FirstOrDefaultAsync(a => a.UsernameNormalized == normalized && a.ClosedAt == null, ct);
    }

    private bool Decoy(string? password)
    {
        hasher.VerifyHashedPassword(null!, DecoyHash.Value, password ?? "");
        return false;
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Phone();
}
