using System.Text.RegularExpressions;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Identity.API.Application.Login;

public enum CredentialOutcome { Valid, Invalid, Locked }

public sealed record CredentialCheck(CredentialOutcome Outcome, Account? Account, string ThrottleKey);

/// <summary>Username-or-phone plus password. Unknown logins cost one password hash too and are throttled under their own
/// key, so the answers and their timing do not reveal which accounts exist.</summary>
public sealed partial class CredentialChecker(IdentityDbContext db, IdentityHashes hashes, IPasswordHasher<Account> hasher,
    LoginThrottler throttler)
{
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<Account>().HashPassword(null!, Guid.NewGuid().ToString()));

    public async Task<CredentialCheck> CheckAsync(string? login, string? password, CancellationToken ct)
    {
        var name = (login ?? "").Trim();
        var account = await FindAsync(name, ct);
        var key = account is null ? hashes.LoginName(Account.Normalize(name)) : "account:" + account.Id.ToString("N");
        if (await throttler.IsLockedAsync(key, ct)) return new CredentialCheck(CredentialOutcome.Locked, null, key);

        var verified = account is null
            ? Decoy(password)
            : !string.IsNullOrEmpty(password)
              && hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (verified) return new CredentialCheck(CredentialOutcome.Valid, account, key);
        var locked = await throttler.RecordFailureAsync(key, ct);
        return new CredentialCheck(locked ? CredentialOutcome.Locked : CredentialOutcome.Invalid, null, key);
    }

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
