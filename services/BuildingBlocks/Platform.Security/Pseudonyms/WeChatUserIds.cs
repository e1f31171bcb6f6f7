using Platform.Security.Hashing;

namespace Platform.Security.Pseudonyms;

/// <summary>The opaque id of a WeChat user (<c>Security:WeChatUserIdKey</c>, shared by the services that deal with WeChat
/// users). Events and requests between services name a WeChat user by this id, never by the openid; each service finds
/// its rows by it, as by any keyed look-up hash.</summary>
public sealed class WeChatUserIds(LookupHasher sharedHasher)
{
    public Guid For(string openId) => sharedHasher.Pseudonym("wechat-user", openId);
}
