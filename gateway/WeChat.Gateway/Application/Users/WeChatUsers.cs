using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Security.Encryption;
using Platform.Security.Pseudonyms;
using WeChat.Gateway.Domain;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Application.Users;

/// <summary>The only place where openids are turned into WeChat user ids and back. A user is stored under its opaque id
/// (a keyed hash of the openid, shared with the services that name WeChat users) with the openid encrypted, bound to
/// that id so it cannot be copied onto another row.</summary>
public sealed class WeChatUsers(WeChatDbContext db, WeChatUserIds ids, IFieldEncryptor encryptor)
{
    public Guid IdOf(string openId) => ids.For(openId);

    public async Task<WeChatUser> FindOrAddAsync(string openId, DateTimeOffset now, CancellationToken ct)
    {
        var id = ids.For(openId);
        if (await db.Users.FindAsync([id], ct) is { } known) return known;
        var user = new WeChatUser { Id = id, OpenIdEncrypted = Seal(id, openId), UpdatedAt = now };
        db.Users.Add(user);
        return user;
    }

    public async Task<string?> OpenIdOfAsync(Guid id, CancellationToken ct)
    {
        var sealedOpenId = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.OpenIdEncrypted).FirstOrDefaultAsync(ct);
        return sealedOpenId is null ? null : encryptor.Decrypt(sealedOpenId, Context(id));
    }

    public string Seal(Guid id, string openId) => encryptor.Encrypt(openId, Context(id));

    /// <summary>Merges what WeChat just said into the user's stored profile (the caller saves).</summary>
    public WeChatProfile Remember(WeChatUser user, WeChatProfile newer)
    {
        var stored = user.ProfileEncrypted is null ? WeChatProfile.Empty : Open(user.ProfileEncrypted, ProfileContext(user.Id));
        var profile = stored.With(newer);
        user.ProfileEncrypted = Seal(profile, ProfileContext(user.Id));
        return profile;
    }

    public string Seal(WeChatProfile profile, string context) => encryptor.Encrypt(JsonSerializer.Serialize(profile), context);

    public WeChatProfile Open(string sealedProfile, string context) =>
        JsonSerializer.Deserialize<WeChatProfile>(encryptor.Decrypt(sealedProfile, context)) ?? WeChatProfile.Empty;

    private static string Context(Guid id) => "wechat-openid:" + id.ToString("N");

    private static string ProfileContext(Guid id) => "wechat-profile:" + id.ToString("N");
}
