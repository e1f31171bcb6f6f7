using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Identity.API.Application.Login;
using Identity.API.Application.Tokens;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Identity.API.Infrastructure.WeChat;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.Security.Encryption;
using Platform.ServiceDefaults.Auth;

namespace Identity.API.Application.WeChat;

/// <summary>grant_type=wechat_ticket: the openid behind the ticket signs its bound account in; an openid no account has
/// claimed yet gets a one-time bind token instead, spent after a password sign-in.</summary>
public sealed class WeChatSignIn(IdentityDbContext db, WeChatTicketRedeemer redeemer, IdentityHashes hashes, IFieldEncryptor encryptor,
    TokenPrincipals principals, TimeProvider clock)
{
    public const string GrantType = "wechat_ticket";
    public static readonly TimeSpan BindTokenLifetime = TimeSpan.FromMinutes(10);
    public const string OpenIdContext = "wechat-openid";

    public async Task<(ClaimsPrincipal? Principal, TokenError? Error)> GrantAsync(OpenIddictRequest request, CancellationToken ct)
    {
        if (request.ClientId != "patient") return (null, TokenError.InvalidClient);
        var ticket = (string?)request["ticket"] ?? "";
        if (ticket.Length is 0 or > 200) return (null, TokenError.InvalidWeChatTicket);
        var redeemed = await redeemer.RedeemAsync(ticket, ct);
        if (redeemed is null) return (null, TokenError.InvalidWeChatTicket);

        var hash = hashes.WeChatOpenId(redeemed.OpenId);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.WeChatOpenIdHash == hash && a.ClosedAt == null, ct);
        if (account is not null && account.Role == PlatformRoles.Patient)
            return (await principals.ForAccountAsync(account, ["wechat"], ct), null);
        return (null, TokenError.WeChatBindRequired(await CreateBindTokenAsync(redeemed.OpenId, ct)));
    }

    private async Task<string> CreateBindTokenAsync(string openId, CancellationToken ct)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        db.WeChatBindTokens.Add(new WeChatBindToken
        {
            TokenHash = HashToken(token), OpenIdEncrypted = encryptor.Encrypt(openId, OpenIdContext), CreatedAt = now,
            ExpiresAt = now + BindTokenLifetime,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
