using Identity.API.Application.Login;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Identity.API.Infrastructure.WeChat;
using Microsoft.EntityFrameworkCore;
using Platform.Security.Encryption;
using Platform.Security.Masking;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Application.Phone;

/// <summary><paramref name="Changed"/>: false when the number confirmed the one the account already had.</summary>
public sealed record PhoneConfirmed(string Phone, bool Changed);

/// <summary>The account's phone from the mini-program's phone button: WeChat has verified the number (the gateway checked
/// the grant is ours and fresh), so it sets or confirms the account's phone as an SMS code would. A number another account
/// holds is refused and nothing changes.</summary>
public sealed class WeChatPhoneBinding(IdentityDbContext db, IdentityHashes hashes, IFieldEncryptor encryptor, WeChatPhoneResolver resolver,
    ILogger<WeChatPhoneBinding> logger)
{
    public static ProblemException Taken() => new(409, "phone_taken", "该手机号已绑定其他账号，请使用该手机号登录或联系客服");

    public async Task<PhoneConfirmed> ConfirmAsync(Account account, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 128)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["code"] = ["请先授权手机号"] });
        var granted = await resolver.ResolveAsync(code, ct);
        if (granted.CountryCode != "86" || !Fields.MobilePattern().IsMatch(granted.PhoneNumber))
            throw new ProblemException(400, "phone_unsupported", "暂只支持中国大陆手机号");

        var phone = granted.PhoneNumber;
        var phoneHash = hashes.Phone(phone);
        if (account.PhoneHash == phoneHash)
        {
            logger.LogInformation("Account {AccountId} confirmed its phone {Phone} through WeChat", account.Id, Mask.Phone(phone));
            return new PhoneConfirmed(Mask.Phone(phone), Changed: false);
        }
        if (await db.Accounts.AnyAsync(a => a.PhoneHash == phoneHash && a.Id != account.Id, ct)) throw Taken();
        var replaced = account.PhoneHash is not null;
        // The number that receives the second factor's codes is not swapped by a session alone.
        if (replaced && account.SmsMfaEnabled)
            throw new ProblemException(409, "phone_is_second_factor", "该账号已开启短信二次验证，请先关闭短信验证后再更换手机号");
        account.PhoneHash = phoneHash;
        account.PhoneEncrypted = encryptor.Encrypt(phone, SecondFactor.PhoneContext(account.Id));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another account took the number concurrently (unique index).
            throw Taken();
        }
        logger.LogInformation("Account {AccountId} {Action} its phone to {Phone} through WeChat", account.Id,
            replaced ? "changed" : "set", Mask.Phone(phone));
        return new PhoneConfirmed(Mask.Phone(phone), Changed: true);
    }
}
