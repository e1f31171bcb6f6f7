using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Identity.API.Application.Login;
using Identity.API.Application.Tokens;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Identity.API.Infrastructure.WeChat;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.Security.Encryption;
using Platform.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.API.Application.WeChat;

/// <summary>grant_type=wechat_ticket: the openid behind the ticket signs its bound account in, with the account's second
/// factor exactly as a password sign-in (<c>mfa_required</c>, then the same request with <c>mfa_token</c> and <c>otp</c>,
/// since the gateway's ticket is single-use). An openid no account has bound gets <c>wechat_bind_required</c>: binding
/// is done by the signed-in owner (<see cref="WeChatBinding"/>), never from a ticket alone.</summary>
public sealed class WeChatSignIn(IdentityDbContext db, WeChatTicketRedeemer redeemer, IdentityHashes hashes, IFieldEncryptor encryptor,
    TokenPrincipals principals, SecondFactor secondFactor, LoginThrottler throttler, IOpenIddictAuthorizationManager authorizations,
    IOpenIddictApplicationManager applications, TimeProvider clock)
{
    public const string GrantType = "wechat_ticket";
    public static readonly TimeSpan MfaTokenLifetime = TimeSpan.FromMinutes(5);
    public const string OpenIdContext = "wechat-openid";

    /// <summary>The property that marks an OpenIddict authorization as a WeChat sign-in, so unbinding revokes exactly those.</summary>
    public const string SignInProperty = "platform_wechat_sign_in";

    public async Task<(ClaimsPrincipal? Principal, TokenError? Error)> GrantAsync(OpenIddictRequest request, string sourceIp,
        CancellationToken ct)
    {
        if (request.ClientId != "patient") return (null, TokenError.InvalidClient);
        if ((string?)request["mfa_token"] is { Length: > 0 } mfaToken) return await SecondStepAsync(request, mfaToken, sourceIp, ct);

        var ticket = (string?)request["ticket"] ?? "";
        if (ticket.Length is 0 or > 200) return (null, TokenError.InvalidWeChatTicket);
        var redeemed = await redeemer.RedeemAsync(ticket, ct);
        if (redeemed is null) return (null, TokenError.InvalidWeChatTicket);

        var account = await BoundAccountAsync(redeemed.OpenId, ct);
        if (account is null) return (null, TokenError.WeChatBindRequired);
        var methods = account.SecondFactors();
        if (methods.Count == 0) return (await SignInAsync(account, ["wechat"], ct), null);
        return (null, TokenError.MfaRequired(methods) with { MfaToken = await CreateMfaTokenAsync(redeemed.OpenId, ct) });
    }

    /// <summary>The account an <c>mfa_token</c> stands for while it is unspent (for sending the SMS code).</summary>
    public async Task<Account?> AccountForMfaTokenAsync(string? mfaToken, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(mfaToken) || mfaToken.Length > 200) return null;
        var hash = HashToken(mfaToken);
        var now = clock.GetUtcNow();
        var row = await db.WeChatBindTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > now, ct);
        return row is null ? null : await BoundAccountAsync(encryptor.Decrypt(row.OpenIdEncrypted, OpenIdContext), ct);
    }

    /// <summary>The second request: the code of the account's second factor, counted against the same lockout as a
    /// password sign-in's; the token is spent only by a correct code.</summary>
    private async Task<(ClaimsPrincipal? Principal, TokenError? Error)> SecondStepAsync(OpenIddictRequest request, string mfaToken,
        string sourceIp, CancellationToken ct)
    {
        if (await AccountForMfaTokenAsync(mfaToken, ct) is not { } account) return (null, TokenError.InvalidWeChatTicket);
        var methods = account.SecondFactors();
        var throttleKey = throttler.KeysFor(CredentialChecker.ThrottleLogin(account, ""), sourceIp);
        var verdict = await throttler.CheckAsync(throttleKey, ct);
        if (verdict.State == ThrottleState.Locked) return (null, TokenError.Locked);
        if (verdict.State == ThrottleState.SlowDown) return (null, TokenError.SlowDown(verdict.RetryAfterSeconds));
        if (methods.Count == 0) return (null, TokenError.InvalidWeChatTicket);
        var otp = (string?)request["otp"];
        if (string.IsNullOrEmpty(otp)) return (null, TokenError.MfaRequired(methods) with { MfaToken = mfaToken });
        var method = (string?)request["otp_method"] is { Length: > 0 } m ? m : "totp";
        if (!await secondFactor.VerifyAsync(account, method, otp, ct))
        {
            var failure = await throttler.RecordFailureAsync(throttleKey, ct);
            return (null, failure.State == ThrottleState.Locked ? TokenError.Locked : TokenError.InvalidOtp);
        }
        var hash = HashToken(mfaToken);
        var now = clock.GetUtcNow();
        var spent = await db.WeChatBindTokens.Where(t => t.TokenHash == hash && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (spent != 1) return (null, TokenError.InvalidWeChatTicket);
        await throttler.ResetAsync(throttleKey, ct);
        return (await SignInAsync(account, ["wechat", "otp"], ct), null);
    }

    private async Task<Account?> BoundAccountAsync(string openId, CancellationToken ct)
    {
        var hash = hashes.WeChatOpenId(openId);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.WeChatOpenIdHash == hash && a.ClosedAt == null, ct);
        return account is { Role: PlatformRoles.Patient } ? account : null;
    }

    /// <summary>Every WeChat sign-in is its own authorization, tagged <see cref="SignInProperty"/>; OpenIddict attaches the
    /// refresh token (and every token refreshed from it) to it instead of an untagged ad-hoc one.</summary>
    private async Task<ClaimsPrincipal> SignInAsync(Account account, IEnumerable<string> amr, CancellationToken ct)
    {
        var principal = await principals.ForAccountAsync(account, amr, ct);
        var application = await applications.FindByClientIdAsync("patient", ct)
            ?? throw new InvalidOperationException("The patient client is not registered");
        var descriptor = new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = await applications.GetIdAsync(application, ct),
            CreationDate = clock.GetUtcNow(),
            Principal = principal,
            Status = Statuses.Valid,
            Subject = account.Id.ToString(),
            Type = AuthorizationTypes.AdHoc,
        };
        descriptor.Scopes.UnionWith(principal.GetScopes());
        descriptor.Properties[SignInProperty] = JsonSerializer.SerializeToElement(true);
        var authorization = await authorizations.CreateAsync(descriptor, ct);
        principal.SetAuthorizationId(await authorizations.GetIdAsync(authorization, ct));
        return principal;
    }

    private async Task<string> CreateMfaTokenAsync(string openId, CancellationToken ct)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        db.WeChatBindTokens.Add(new WeChatBindToken
        {
            TokenHash = HashToken(token), OpenIdEncrypted = encryptor.Encrypt(openId, OpenIdContext), CreatedAt = now,
            ExpiresAt = now + MfaTokenLifetime,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
