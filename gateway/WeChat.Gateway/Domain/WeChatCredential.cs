namespace WeChat.Gateway.Domain;

/// <summary>An access_token or jsapi_ticket of the official account (its row in <c>wechat_credentials</c>).</summary>
public sealed class WeChatCredential
{
    public required string Name { get; init; }
    public required string Value { get; init; }
    public DateTimeOffset ObtainedAt { get; init; }
    public DateTimeOffset RefreshAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}
