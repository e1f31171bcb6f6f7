using Platform.Security.Hashing;
using Platform.Security.Pseudonyms;

namespace Platform.Testing;

/// <summary>The keys services under test run with (Testing has no appsettings keys, as production has none). The WeChat
/// user id key is the local stack's development key, so ids computed here match the stack's.</summary>
public static class TestKeys
{
    public const string WeChatUserIdKey = "d2VjaGF0LXVzZXItaWQtZGV2LWtleS0zMmJ5dGVzISE=";

    public static readonly WeChatUserIds WeChatUserIds = new(new LookupHasher(WeChatUserIdKey));

    public static Dictionary<string, string> Security(string service) => new()
    {
        ["Security:FieldEncryption:ActiveVersion"] = "t1",
        ["Security:FieldEncryption:Keys:t1"] = Key(service + ":field"),
        ["Security:LookupHashKey"] = Key(service + ":lookup"),
        ["Security:WeChatUserIdKey"] = WeChatUserIdKey,
    };

    private static string Key(string name) =>
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("test-key:" + name)));
}
