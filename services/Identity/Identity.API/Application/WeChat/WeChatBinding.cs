using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Identity;
using Platform.Messaging.Outbox;
using Platform.Security.Encryption;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Application.WeChat;

public sealed record BindWeChatRequest(string? BindToken);

/// <summary>Links and unlinks the WeChat openid of a signed-in account (one openid ↔ one account; named Link, not Bind, so minimal APIs do not take it for a parameter binder), telling other services
/// through the outbox in the same transaction.</summary>
public sealed class WeChatBinding(IdentityDbContext db, IdentityHashes hashes, IFieldEncryptor encryptor, IIntegrationEventOutbox outbox,
    TimeProvider clock)
{
    public async Task LinkAsync(Account account, string? bindToken, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(bindToken) || bindToken.Length > 200)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["bindToken"] = ["请先通过微信授权"] });
        var hash = WeChatSignIn.HashToken(bindToken);
        var now = clock.GetUtcNow();
        var claimed = await db.WeChatBindTokens.Where(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (claimed != 1) throw new ProblemException(400, "bind_token_invalid", "微信授权已失效，请重新通过微信登录");
        var row = await db.WeChatBindTokens.AsNoTracking().SingleAsync(t => t.TokenHash == hash, ct);
        var openId = encryptor.Decrypt(row.OpenIdEncrypted, WeChatSignIn.OpenIdContext);
        var openIdHash = hashes.WeChatOpenId(openId);

        if (await db.Accounts.AnyAsync(a => a.WeChatOpenIdHash == openIdHash && a.Id != account.Id, ct))
            throw new ProblemException(409, "wechat_already_bound", "该微信已绑定其他账号");
        account.WeChatOpenIdHash = openIdHash;
        account.WeChatOpenIdEncrypted = encryptor.Encrypt(openId, WeChatSignIn.OpenIdContext + ":" + account.Id.ToString("N"));
        outbox.Add(new WeChatAccountBoundIntegrationEvent(account.Id, openId));
        await db.SaveChangesAsync(ct);
    }

    public async Task UnlinkAsync(Account account, CancellationToken ct)
    {
        if (!account.WeChatBound) return;
        account.WeChatOpenIdHash = null;
        account.WeChatOpenIdEncrypted = null;
        outbox.Add(new WeChatAccountUnboundIntegrationEvent(account.Id));
        await db.SaveChangesAsync(ct);
    }
}
