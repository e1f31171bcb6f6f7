using Identity.API.Application.Agreements;
using Identity.API.Application.Login;
using Identity.API.Application.Sms;
using Identity.API.Application.Tokens;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Identity.API.Infrastructure.WeChat;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.Security.Encryption;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Application.Accounts;

/// <summary>Self-registration of a patient account. The SMS code is checked first, inside the transaction that creates
/// the account: without a valid code every attempt gets the same answer, whatever the name or number; with one, a taken
/// name or number is said plainly and the transaction rolls back, so the code still works for a second try.</summary>
public sealed class Registration(IdentityDbContext db, SmsCodeService smsCodes, AgreementCatalog agreements, IdentityHashes hashes,
    IFieldEncryptor encryptor, IPasswordHasher<Account> hasher, TokenPrincipals principals, InProcessTokens tokens, TimeProvider clock,
    WeChatPhoneResolver wechatPhones)
{
    public static ProblemException Failed => new(400, "registration_failed", "验证码错误或已过期，请重新获取验证码后重试");

    public static ProblemException PhoneTaken => new(409, "phone_registered", "该手机号已注册，请直接登录；忘记密码可通过短信验证码找回");

    private async Task<string> WeChatPhoneAsync(string code, CancellationToken ct)
    {
        var granted = await wechatPhones.ResolveAsync(code, ct);
        if (granted.CountryCode != "86" || !Fields.MobilePattern().IsMatch(granted.PhoneNumber))
            throw new ProblemException(400, "phone_unsupported", "暂只支持中国大陆手机号");
        return granted.PhoneNumber;
    }

    public static ProblemException UsernameTaken =>
        ProblemException.Invalid(new Dictionary<string, string[]> { ["username"] = ["该用户名已被使用，请换一个"] });

    public async Task<RegistrationResult> RegisterAsync(RegistrationRequest request, string channel, string ip, CancellationToken ct)
    {
        request.Validate();
        foreach (var kind in AgreementKind.RequiredAtRegistration)
        {
            var current = await agreements.CurrentAsync(kind, ct);
            if (current is null || request.AcceptedAgreements?.Any(a => a.Kind == kind && a.Version == current.Version) != true)
                throw new ProblemException(400, "agreement_required", "请阅读并同意最新版《用户注册协议》和《个人信息保护政策》");
        }

        // WeChat's phone button proves the number instead of an SMS code; asked before the transaction opens.
        var byWeChat = request.ByWeChatPhone ? await WeChatPhoneAsync(request.WeChatPhoneCode!, ct) : null;
        var phone = byWeChat ?? request.Phone!.Trim();
        var username = request.Username!.Trim();
        if (byWeChat is not null) new Validation().CheckPassword("password", request.Password, username, phone).ThrowIfAny();
        var normalized = Account.Normalize(username);
        var phoneHash = hashes.Phone(phone);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (byWeChat is null && !await smsCodes.VerifyAsync(phone, SmsPurpose.Register, request.SmsCode, ct))
        {
            await tx.CommitAsync(ct); // the miss counts against the code
            throw Failed;
        }
        if (await db.Accounts.AnyAsync(a => a.PhoneHash == phoneHash, ct)) throw PhoneTaken;
        if (await db.Accounts.AnyAsync(a => a.UsernameNormalized == normalized, ct)) throw UsernameTaken;

        var account = new Account
        {
            Username = username, UsernameNormalized = normalized, PhoneHash = phoneHash, PasswordHash = "",
            Role = PlatformRoles.Patient, DisplayName = username, CreatedAt = clock.GetUtcNow(),
        };
        account.PhoneEncrypted = encryptor.Encrypt(phone, SecondFactor.PhoneContext(account.Id));
        account.PasswordHash = hasher.HashPassword(account, request.Password!);
        db.Accounts.Add(account);
        foreach (var accepted in request.AcceptedAgreements!.DistinctBy(a => a.Kind))
            await agreements.RecordAsync(account.Id, accepted, channel, ip, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same phone or username registered concurrently (the rollback gives the code back).
            throw UsernameTaken;
        }
        await tx.CommitAsync(ct);
        var principal = await principals.ForAccountAsync(account, ["pwd"], ct);
        return new RegistrationResult(account.Id, await tokens.IssueAsync(principal, OpenIddictConstants.GrantTypes.Password, "patient", ct));
    }
}
