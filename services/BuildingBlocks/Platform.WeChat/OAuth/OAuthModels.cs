using System.Text.Json.Serialization;

namespace Platform.WeChat.OAuth;

/// <summary>Answer of /sns/oauth2/access_token (code exchange); this token is per user, unlike the account access token.</summary>
public sealed record OAuthAccessToken
{
    [JsonPropertyName("access_token")] public required string AccessToken { get; init; }
    [JsonPropertyName("expires_in")] public int ExpiresIn { get; init; }
    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; init; }
    [JsonPropertyName("openid")] public required string OpenId { get; init; }
    [JsonPropertyName("scope")] public string? Scope { get; init; }
    /// <summary>1 when the user is browsing a "snapshot page" and has not really authorised; such users have no real openid.</summary>
    [JsonPropertyName("is_snapshotuser")] public int IsSnapshotUser { get; init; }
    [JsonPropertyName("unionid")] public string? UnionId { get; init; }
}

/// <summary>Answer of /sns/userinfo (needs snsapi_userinfo).</summary>
public sealed record OAuthUserInfo
{
    [JsonPropertyName("openid")] public required string OpenId { get; init; }
    [JsonPropertyName("nickname")] public string? Nickname { get; init; }
    [JsonPropertyName("sex")] public int Sex { get; init; }
    [JsonPropertyName("province")] public string? Province { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("country")] public string? Country { get; init; }
    [JsonPropertyName("headimgurl")] public string? HeadImageUrl { get; init; }
    [JsonPropertyName("privilege")] public IReadOnlyList<string> Privilege { get; init; } = [];
    [JsonPropertyName("unionid")] public string? UnionId { get; init; }
}
