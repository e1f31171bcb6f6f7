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
/// since the gateway's ticket is single-use). Tickets of the service account (H5) and of the mini-program alike: the account
/// is found by that app's openid or by the unionid (<see cref="WeChatAccountLinks"/>), so one person is one account.
/// An openid no account has bound gets <c>wechat_bind_required</c>: binding
/// is done by the signed-in owner (<see cref="WeChatBinding"/>), never from a ticket alone.</summary>
public sealed class WeChatSignIn(IdentityDbContext db, WeChatTicketRedeemer redeemer, WeChatAccountLinks links, IFieldEncryptor encryptor,
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

        var who = redeemed.Who;
        var account = await links.FindAsync(who, ct);
        if (account is null) return (null, TokenError.WeChatBindRequired);
        var methods = account.SecondFactors();
        if (methods.Count == 0) return (await SignInAsync(account, who, ["wechat"], ct), null);
        return (null, TokenError.MfaRequired(methods) with { MfaToken = await CreateMfaTokenAsync(who, ct) });
    }

    /// <summary>The account an <c>mfa_token</c> stands for while it is unspent (for sending the SMS code).</summary>
    public async Task<Account?> AccountForMfaTokenAsync(string? mfaToken, CancellationToken ct) =>
        (await PendingMfaAsync(mfaToken, ct)).Account;

    private async Task<(Account? Account, WeChatIdentity? Who)> PendingMfaAsync(string? mfaToken, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(mfaToken) || mfaToken.Length > 200) return (null, null);
        var hash = HashToken(mfaToken);
        var now = clock.GetUtcNow();
        var row = await db.WeChatBindTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > now, ct);
        if (row is null) return (null, null);
        var who = new WeChatIdentity(row.App, encryptor.Decrypt(row.OpenIdEncrypted, OpenIdContext),
            row.UnionIdEncrypted is null ? null : encryptor.Decrypt(row.UnionIdEncrypted, OpenIdContext + ":unionid"));
        return (await links.FindAsync(who, ct), who);
    }

    /// <summary>The second request: the code of the account's second factor, counted against the same lockout as a
    /// password sign-in's; the token is spent only by a correct code.</summary>
    private async Task<(ClaimsPrincipal? Principal, TokenError? Error)> SecondStepAsync(OpenIddictRequest request, string mfaToken,
        string sourceIp, CancellationToken ct)
    {
        if (await PendingMfaAsync(mfaToken, ct) is not ({ } account, { } who)) return (null, TokenError.InvalidWeChatTicket);
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
        return (await SignInAsync(account, who, ["wechat", "otp"], ct), null);
    }

    /// <summary>Every WeChat sign-in is its own authorization, tagged <see cref="SignInProperty"/>; OpenIddict attaches the
    /// refresh token (and every token refreshed from it) to it instead of an untagged ad-hoc one.</summary>
    private async Task<ClaimsPrincipal> SignInAsync(Account account, WeChatIdentity who, IEnumerable<string> amr, CancellationToken ct)
    {
        await links.LearnAsync(account.Id, who, ct);
        return await AsWeChatSignInAsync(await principals.ForAccountAsync(account, amr, ct), account, ct);
    }

    /// <summary>Makes <paramref name="principal"/> its own authorization tagged as a WeChat sign-in (also used by the
    /// mini-program's web-view handover of a WeChat session), so unbinding ends it.</summary>
    public async Task<ClaimsPrincipal> AsWeChatSignInAsync(ClaimsPrincipal principal, Account account, CancellationToken ct)
    {
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

    private async Task<string> CreateMfaTokenAsync(WeChatIdentity who, CancellationToken ct)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        db.WeChatBindTokens.Add(new WeChatBindToken
        {
            TokenHash = HashToken(token), OpenIdEncrypted = encryptor.Encrypt(who.OpenId, OpenIdContext), App = who.App,
            UnionIdEncrypted = who.UnionId is null ? null : encryptor.Encrypt(who.UnionId, OpenIdContext + ":unionid"), CreatedAt = now,
            ExpiresAt = now + MfaTokenLifetime,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
