using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Identity;
using Platform.Messaging.Outbox;
using Platform.Security.Encryption;
using Platform.Security.Pseudonyms;
using Platform.ServiceDefaults.Auth;

namespace Identity.API.Application.WeChat;

/// <summary>Where an account keeps its WeChat: the service account's openid, the mini-program's openid and the unionid
/// that is the same person in both. One person is one account: a ticket from either app finds the account by its own
/// openid, or else by the unionid.</summary>
public sealed class WeChatAccountLinks(IdentityDbContext db, IdentityHashes hashes, IFieldEncryptor encryptor, WeChatUserIds weChatUserIds,
    IIntegrationEventOutbox outbox)
{
    public static string OpenIdContext(Account account, string app) =>
        (app == WeChatApps.MiniProgram ? "miniprogram-openid" : WeChatSignIn.OpenIdContext) + ":" + account.Id.ToString("N");

    /// <summary>The open patient account this WeChat user signs in to, if any.</summary>
    public async Task<Account?> FindAsync(WeChatIdentity who, CancellationToken ct)
    {
        var openIdHash = hashes.WeChatOpenId(who.OpenId);
        var open = db.Accounts.AsNoTracking().Where(a => a.ClosedAt == null);
        var account = who.IsMiniProgram
            ? await open.FirstOrDefaultAsync(a => a.MiniProgramOpenIdHash == openIdHash, ct)
            : await open.FirstOrDefaultAsync(a => a.WeChatOpenIdHash == openIdHash, ct);
        if (account is null && who.UnionId is { } unionId)
        {
            var unionIdHash = hashes.WeChatUnionId(unionId);
            account = await open.FirstOrDefaultAsync(a => a.WeChatUnionIdHash == unionIdHash, ct);
        }
        return account is { Role: PlatformRoles.Patient } ? account : null;
    }

    /// <summary>Whether another account holds this WeChat user, through either app or the unionid.</summary>
    public Task<bool> HeldByAnotherAsync(WeChatIdentity who, Guid accountId, CancellationToken ct)
    {
        var openIdHash = hashes.WeChatOpenId(who.OpenId);
        var unionIdHash = who.UnionId is null ? null : hashes.WeChatUnionId(who.UnionId);
        return db.Accounts.AnyAsync(a => a.Id != accountId && (
            (who.IsMiniProgram ? a.MiniProgramOpenIdHash == openIdHash : a.WeChatOpenIdHash == openIdHash)
            || (unionIdHash != null && a.WeChatUnionIdHash == unionIdHash)), ct);
    }

    /// <summary>Whether the account already holds this very WeChat user (same openid in that app, or same unionid).</summary>
    public bool Holds(Account account, WeChatIdentity who) =>
        (who.IsMiniProgram ? account.MiniProgramOpenIdHash : account.WeChatOpenIdHash) == hashes.WeChatOpenId(who.OpenId)
        || (who.UnionId is not null && account.WeChatUnionIdHash == hashes.WeChatUnionId(who.UnionId));

    /// <summary>Records <paramref name="who"/> on the (tracked) account and tells the other services through the outbox;
    /// the caller saves. Returns false when nothing changed.</summary>
    public bool Attach(Account account, WeChatIdentity who)
    {
        var changed = false;
        var openIdHash = hashes.WeChatOpenId(who.OpenId);
        if (who.IsMiniProgram && account.MiniProgramOpenIdHash != openIdHash)
        {
            account.MiniProgramOpenIdHash = openIdHash;
            account.MiniProgramOpenIdEncrypted = encryptor.Encrypt(who.OpenId, OpenIdContext(account, who.App));
            outbox.Add(new MiniProgramAccountBoundIntegrationEvent(account.Id, weChatUserIds.For(who.OpenId)));
            changed = true;
        }
        else if (!who.IsMiniProgram && account.WeChatOpenIdHash != openIdHash)
        {
            account.WeChatOpenIdHash = openIdHash;
            account.WeChatOpenIdEncrypted = encryptor.Encrypt(who.OpenId, OpenIdContext(account, who.App));
            outbox.Add(new WeChatAccountBoundIntegrationEvent(account.Id, weChatUserIds.For(who.OpenId)));
            changed = true;
        }
        if (who.UnionId is not null && account.WeChatUnionIdHash is null)
        {
            account.WeChatUnionIdHash = hashes.WeChatUnionId(who.UnionId);
            changed = true;
        }
        return changed;
    }

    /// <summary>Forgets every WeChat of the account (both apps); the caller saves.</summary>
    public bool Detach(Account account)
    {
        if (!account.WeChatBound && account.WeChatUnionIdHash is null) return false;
        account.WeChatOpenIdHash = account.WeChatOpenIdEncrypted = null;
        account.MiniProgramOpenIdHash = account.MiniProgramOpenIdEncrypted = null;
        account.WeChatUnionIdHash = null;
        outbox.Add(new WeChatAccountUnboundIntegrationEvent(account.Id));
        outbox.Add(new MiniProgramAccountUnboundIntegrationEvent(account.Id));
        return true;
    }

    /// <summary>After a sign-in found the account: the app's openid found by unionid, or the unionid of a binding made before
    /// unionids were kept, is recorded, so the other app finds the account too. WeChat vouches that it is the same person
    /// the owner bound; nothing is recorded that another account holds.</summary>
    public async Task LearnAsync(Guid accountId, WeChatIdentity who, CancellationToken ct)
    {
        var account = await db.Accounts.FirstAsync(a => a.Id == accountId, ct);
        if (!Holds(account, who)) return;
        if (await HeldByAnotherAsync(who, account.Id, ct)) return;
        if (!Attach(account, who)) return;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent sign-in recorded it first.
            db.ChangeTracker.Clear();
        }
    }
}
