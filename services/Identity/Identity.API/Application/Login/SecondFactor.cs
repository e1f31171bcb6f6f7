using Identity.API.Application.Sms;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.Security.Encryption;
using Platform.Security.Otp;

namespace Identity.API.Application.Login;

/// <summary>Checks a TOTP (each time step accepted once per account) or an SMS login code.</summary>
public sealed class SecondFactor(IdentityDbContext db, IFieldEncryptor encryptor, SmsCodeService smsCodes, TimeProvider clock)
{
    public Task<bool> VerifyAsync(Account account, string? method, string? code, CancellationToken ct) => method switch
    {
        "totp" when account.TotpEnabled => VerifyTotpAsync(account, code, ct),
        "sms" when account.SmsMfaEnabled && account.PhoneEncrypted is not null =>
            smsCodes.VerifyAsync(Phone(account), SmsPurpose.SecondFactor, code, ct),
        _ => Task.FromResult(false),
    };

    public async Task<bool> VerifyTotpAsync(Account account, string? code, CancellationToken ct)
    {
        var secret = Base32.Decode(encryptor.Decrypt(account.TotpSecretEncrypted!, TotpContext(account.Id)));
        if (Totp.Verify(secret, code, clock.GetUtcNow(), account.LastTotpStep) is not { } step) return false;
        // Conditional update: the same code presented twice at once is accepted once.
        var updated = await db.Accounts.Where(a => a.Id == account.Id && a.LastTotpStep < step)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastTotpStep, step), ct);
        if (updated == 1) account.LastTotpStep = step;
        return updated == 1;
    }

    public string Phone(Account account) => encryptor.Decrypt(account.PhoneEncrypted!, PhoneContext(account.Id));

    public static string TotpContext(Guid accountId) => "account-totp:" + accountId.ToString("N");
    public static string PhoneContext(Guid accountId) => "account-phone:" + accountId.ToString("N");
}
