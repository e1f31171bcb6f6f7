namespace WeChat.Gateway.Domain;

/// <summary>What WeChat told us of a user besides the openid: the unionid (the same person across the hospital's apps),
/// the nickname and avatar shown when the owner confirms a binding. Kept only encrypted.</summary>
public sealed record WeChatProfile(string? UnionId, string? Nickname, string? HeadImageUrl)
{
    public static readonly WeChatProfile Empty = new(null, null, null);

    /// <summary>The newer answer wins field by field; WeChat leaves out what the scope did not ask for.</summary>
    public WeChatProfile With(WeChatProfile newer) =>
        new(newer.UnionId ?? UnionId, newer.Nickname ?? Nickname, newer.HeadImageUrl ?? HeadImageUrl);
}
