using System.Security.Claims;
using Identity.API.Application.Login;
using Identity.API.Application.Sms;
using Identity.API.Application.Tokens;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Application.Accounts;

public sealed record PasswordChangeRequest(string? OldPassword, string? NewPassword);

public sealed record PasswordResetRequest(string? Phone, string? SmsCode, string? NewPassword);

/// <summary>The new pair for the device that changed the password: every other session has just been signed out.</summary>
public sealed record PasswordChanged(TokenResponse Tokens);

public sealed record SessionsRevoked(int Revoked);

/// <summary>Changing a password (signed in, with the old one) and resetting a forgotten one (with an SMS code sent to the
/// account's phone). Either way every refresh token of the account is revoked.</summary>
public sealed class Passwords(IdentityDbContext db, CredentialChecker credentials, LoginThrottler throttler, SmsCodeService codes,
    SecondFactor secondFactor, IdentityHashes hashes, IPasswordHasher<Account> hasher, AccountSessions sessions, TokenPrincipals principals,
    InProcessTokens tokens)
{
    public static ProblemException ResetFailed => new(400, "reset_failed", "验证码错误或已过期，请重新获取验证码后重试");

    public async Task<PasswordChanged> ChangeAsync(Account account, PasswordChangeRequest request, ClaimsPrincipal user, string sourceIp,
        CancellationToken ct)
    {
        var phone = account.PhoneEncrypted is null ? null : secondFactor.Phone(account);
        var v = new Validation().Required("oldPassword", request.OldPassword, "原密码")
            .CheckPassword("newPassword", request.NewPassword, account.Username, phone);
        if (request.NewPassword is { Length: > 0 } && request.NewPassword == request.OldPassword) v.Add("newPassword", "新密码不能与原密码相同");
        v.ThrowIfAny();

        var check = await credentials.CheckAsync(account, request.OldPassword, sourceIp, ct);
        if (check.Outcome != CredentialOutcome.Valid)
        {
            var refusal = check.Outcome == CredentialOutcome.Invalid ? TokenError.InvalidCredentials with { Detail = "原密码错误，请重新输入" } : check.Refusal;
            throw new ProblemException(refusal.Status, refusal.Code, refusal.Detail ?? refusal.Title);
        }
        await throttler.ResetAsync(check.Keys, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        account.PasswordHash = hasher.HashPassword(account, request.NewPassword!);
        await db.SaveChangesAsync(ct);
        await sessions.RevokeAllAsync(account.Id, ct);
        await tx.CommitAsync(ct);

        // This device stays signed in with a new session; its methods are those it signed in with.
        var clientId = user.GetClaim(OpenIddictConstants.Claims.ClientId) is { } c && TokenGrants.Portals.Contains(c) ? c : "patient";
        var principal = await principals.ForAccountAsync(account, user.GetClaims(OpenIddictConstants.Claims.AuthenticationMethodReference), ct);
        return new PasswordChanged(await tokens.IssueAsync(principal, OpenIddictConstants.GrantTypes.Password, clientId, ct));
    }

    /// <summary>Without a valid code the answer is the same whether or not the number has an account; a new password the
    /// policy refuses is said only after the code proved the phone, and gives the code back (the transaction rolls back).</summary>
    public async Task ResetAsync(PasswordResetRequest request, string sourceIp, CancellationToken ct)
    {
        var phone = request.Phone?.Trim();
        new Validation().Required("phone", phone, "手机号").Matches("phone", phone, Fields.MobilePattern(), "请输入正确的11位手机号")
            .Required("smsCode", request.SmsCode, "短信验证码")
            .CheckPassword("newPassword", request.NewPassword, null, phone)
            .ThrowIfAny();

        var phoneHash = hashes.Phone(phone!);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.PhoneHash == phoneHash && a.ClosedAt == null, ct);
        if (!await codes.VerifyAsync(phone!, SmsPurpose.Reset, request.SmsCode, ct) || account is null)
        {
            await tx.CommitAsync(ct); // the miss counts against the code
            throw ResetFailed;
        }
        new Validation().CheckPassword("newPassword", request.NewPassword, account.Username, phone).ThrowIfAny();

        account.PasswordHash = hasher.HashPassword(account, request.NewPassword!);
        await db.SaveChangesAsync(ct);
        await sessions.RevokeAllAsync(account.Id, ct);
        await throttler.ForgiveAsync(CredentialChecker.ThrottleLogin(account, ""), sourceIp, ct);
        await tx.CommitAsync(ct);
    }
}
