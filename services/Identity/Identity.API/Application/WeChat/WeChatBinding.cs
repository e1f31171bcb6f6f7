using System.Security.Cryptography;
using System.Text;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Identity.API.Infrastructure.WeChat;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.Contracts.Identity;
using Platform.Messaging.Outbox;
using Platform.Security.Encryption;
using Platform.Security.Pseudonyms;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Application.WeChat;

public sealed record WeChatBindTicket(string? Ticket);

/// <summary>The nonce the app hands to the WeChat gateway's OAuth page (<c>intent=</c>); the browser key went into a cookie.</summary>
public sealed record WeChatBindStarted(string Intent, DateTimeOffset ExpiresAt);

/// <summary>Who is about to be bound, as the owner sees it before confirming: WeChat's nickname and avatar (the mini-program
/// gives none), the openid masked, and which app it came through (<c>service_account</c> or <c>miniprogram</c>).</summary>
public sealed record WeChatBindPreview(string? Nickname, string? AvatarUrl, string MaskedOpenId, DateTimeOffset ExpiresAt, string App);

/// <summary>Links and unlinks the WeChat openid of a signed-in account (one openid ↔ one account; named Link, not Bind, so
/// minimal APIs do not take it for a parameter binder), telling other services through the outbox in the same transaction.
/// A link takes three steps, all by the owner in the same browser: <see cref="StartAsync"/> (a one-time intent tied to the
/// account and to an HttpOnly cookie), <see cref="RedeemAsync"/> (the gateway's ticket must carry that intent; shows who
/// is being bound) and <see cref="LinkAsync"/>. The mini-program follows the same steps: its login carries the intent to
/// the gateway, and it sends the browser-key cookie back as a browser would. Unlinking revokes every sign-in WeChat made.</summary>
public sealed class WeChatBinding(IdentityDbContext db, WeChatAccountLinks links, IFieldEncryptor encryptor,
    WeChatTicketRedeemer redeemer, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, TimeProvider clock)
{
    /// <summary>The browser key: HttpOnly, SameSite=Strict, only sent to the binding endpoints.</summary>
    public const string BrowserCookie = "platform.wxbind";
    public const string CookiePath = "/api/identity/me/wechat";
    public static readonly TimeSpan IntentLifetime = TimeSpan.FromMinutes(10);

    private static ProblemException Foreign() => new(400, "wechat_bind_foreign",
        "该微信授权不是您在本机发起的绑定，未绑定任何微信。如需绑定，请在本机登录后重新发起");

    private static ProblemException AlreadyBound() => new(409, "wechat_already_bound", "该微信已绑定其他账号");

    private static ProblemException NotPending() => new(400, "wechat_bind_not_pending", "没有待确认的微信绑定，请重新发起绑定");

    public async Task<WeChatBindStarted> StartAsync(Account account, HttpContext http, CancellationToken ct)
    {
        var nonce = NewSecret();
        var browserKey = NewSecret();
        var now = clock.GetUtcNow();
        // The account's spent and lapsed requests (and the WeChat profiles they held) go.
        await db.WeChatBindIntents.Where(i => i.AccountId == account.Id && (i.CompletedAt != null || i.ExpiresAt <= now))
            .ExecuteDeleteAsync(ct);
        var intent = new WeChatBindIntent
        {
            Id = Guid.CreateVersion7(), AccountId = account.Id, NonceHash = Hash(nonce), BrowserKeyHash = Hash(browserKey),
            CreatedAt = now, ExpiresAt = now + IntentLifetime,
        };
        db.WeChatBindIntents.Add(intent);
        await db.SaveChangesAsync(ct);
        http.Response.Cookies.Append(BrowserCookie, browserKey, CookieOptions(http));
        return new WeChatBindStarted(nonce, intent.ExpiresAt);
    }

    /// <summary>Redeems the ticket the gateway handed back. It binds nothing: it only remembers who is waiting for the
    /// owner's confirmation, and only when the ticket's intent is this account's, started from this browser.</summary>
    public async Task<WeChatBindPreview> RedeemAsync(Account account, string? ticket, string? browserKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ticket) || ticket.Length > 200)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["ticket"] = ["请先通过微信授权"] });
        var redeemed = await redeemer.RedeemAsync(ticket, ct)
            ?? throw new ProblemException(400, "wxticket_invalid", "微信授权已失效，请重新发起绑定");
        if (string.IsNullOrEmpty(redeemed.Intent) || string.IsNullOrEmpty(browserKey)) throw Foreign();

        var nonceHash = Hash(redeemed.Intent);
        var intent = await db.WeChatBindIntents.AsNoTracking().FirstOrDefaultAsync(i => i.NonceHash == nonceHash, ct);
        if (intent is null || intent.AccountId != account.Id || !SameHash(intent.BrowserKeyHash, Hash(browserKey))) throw Foreign();

        var who = redeemed.Who;
        if (await links.HeldByAnotherAsync(who, account.Id, ct)) throw AlreadyBound();

        var now = clock.GetUtcNow();
        var openIdEncrypted = encryptor.Encrypt(redeemed.OpenId, IntentContext(intent.Id));
        var unionIdEncrypted = who.UnionId is null ? null : encryptor.Encrypt(who.UnionId, IntentContext(intent.Id) + ":unionid");
        var nickname = Trim(redeemed.Nickname, 64);
        var avatar = redeemed.HeadImageUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? Trim(url, 512) : null;
        var claimed = await db.WeChatBindIntents
            .Where(i => i.Id == intent.Id && i.RedeemedAt == null && i.CompletedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RedeemedAt, now).SetProperty(i => i.OpenIdEncrypted, openIdEncrypted)
                .SetProperty(i => i.App, who.App).SetProperty(i => i.UnionIdEncrypted, unionIdEncrypted)
                .SetProperty(i => i.Nickname, nickname).SetProperty(i => i.HeadImageUrl, avatar), ct);
        if (claimed != 1) throw new ProblemException(400, "wechat_bind_expired", "绑定请求已过期或已使用，请重新发起绑定");
        return new WeChatBindPreview(nickname, avatar, MaskOpenId(redeemed.OpenId), intent.ExpiresAt, who.App);
    }

    /// <summary>The owner confirmed the WeChat user <see cref="RedeemAsync"/> showed them, in the same browser.</summary>
    public async Task LinkAsync(Account account, string? browserKey, HttpContext http, CancellationToken ct)
    {
        var intent = await PendingAsync(account, browserKey, ct) ?? throw NotPending();
        var now = clock.GetUtcNow();
        var claimed = await db.WeChatBindIntents.Where(i => i.Id == intent.Id && i.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.CompletedAt, now).SetProperty(i => i.OpenIdEncrypted, (string?)null)
                .SetProperty(i => i.UnionIdEncrypted, (string?)null)
                .SetProperty(i => i.Nickname, (string?)null).SetProperty(i => i.HeadImageUrl, (string?)null), ct);
        if (claimed != 1) throw NotPending();
        http.Response.Cookies.Delete(BrowserCookie, CookieOptions(http, delete: true));

        var who = new WeChatIdentity(intent.App ?? WeChatApps.ServiceAccount, encryptor.Decrypt(intent.OpenIdEncrypted!, IntentContext(intent.Id)),
            intent.UnionIdEncrypted is null ? null : encryptor.Decrypt(intent.UnionIdEncrypted, IntentContext(intent.Id) + ":unionid"));
        if (await links.HeldByAnotherAsync(who, account.Id, ct)) throw AlreadyBound();
        // Another person's WeChat replaces the whole binding (both apps); the same person in the other app adds to it.
        var replaced = account.WeChatBound && !links.Holds(account, who);
        if (replaced) links.Detach(account);
        if (!links.Attach(account, who) && !replaced) return;
        await db.SaveChangesAsync(ct);
        // A WeChat bound before keeps no sign-in to this account.
        if (replaced) await RevokeWeChatSignInsAsync(account.Id, ct);
    }

    /// <summary>The owner declined: the waiting WeChat user is forgotten.</summary>
    public async Task CancelAsync(Account account, string? browserKey, HttpContext http, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(browserKey))
        {
            var keyHash = Hash(browserKey);
            var now = clock.GetUtcNow();
            await db.WeChatBindIntents.Where(i => i.AccountId == account.Id && i.BrowserKeyHash == keyHash && i.CompletedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.CompletedAt, now).SetProperty(i => i.OpenIdEncrypted, (string?)null)
                    .SetProperty(i => i.UnionIdEncrypted, (string?)null).SetProperty(i => i.Nickname, (string?)null).SetProperty(i => i.HeadImageUrl, (string?)null), ct);
        }
        http.Response.Cookies.Delete(BrowserCookie, CookieOptions(http, delete: true));
    }

    public async Task UnlinkAsync(Account account, CancellationToken ct)
    {
        if (links.Detach(account)) await db.SaveChangesAsync(ct);
        await RevokeWeChatSignInsAsync(account.Id, ct);
    }

    /// <summary>Ends every sign-in that WeChat made for the account: each is its own OpenIddict authorization, tagged by
    /// <see cref="WeChatSignIn"/>, so revoking it and its tokens refuses the refresh tokens issued from it (the same chain
    /// revocation as a reused refresh token). Password sign-ins, including the one unbinding now, stay.</summary>
    public async Task RevokeWeChatSignInsAsync(Guid accountId, CancellationToken ct)
    {
        var found = new List<object>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(accountId.ToString(), ct))
        {
            if ((await authorizations.GetPropertiesAsync(authorization, ct)).ContainsKey(WeChatSignIn.SignInProperty))
                found.Add(authorization);
        }
        foreach (var authorization in found)
        {
            await authorizations.TryRevokeAsync(authorization, ct);
            if (await authorizations.GetIdAsync(authorization, ct) is { } id) await tokens.RevokeByAuthorizationIdAsync(id, ct);
        }
    }

    private async Task<WeChatBindIntent?> PendingAsync(Account account, string? browserKey, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(browserKey)) return null;
        var keyHash = Hash(browserKey);
        var now = clock.GetUtcNow();
        return await db.WeChatBindIntents.AsNoTracking()
            .Where(i => i.AccountId == account.Id && i.BrowserKeyHash == keyHash && i.RedeemedAt != null && i.CompletedAt == null
                && i.ExpiresAt > now)
            .OrderByDescending(i => i.RedeemedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>At most the first three and last four characters, e.g. <c>oAb****xY9z</c>.</summary>
    public static string MaskOpenId(string openId) => openId.Length <= 8 ? "****" : openId[..3] + "****" + openId[^4..];

    private static CookieOptions CookieOptions(HttpContext http, bool delete = false) => new()
    {
        HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = CookiePath, IsEssential = true,
        MaxAge = delete ? null : IntentLifetime,
    };

    private static string IntentContext(Guid intentId) => "wechat-bind-intent:" + intentId.ToString("N");

    private static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string? Trim(string? value, int max) => string.IsNullOrWhiteSpace(value) ? null : value.Length > max ? value[..max] : value;
}
