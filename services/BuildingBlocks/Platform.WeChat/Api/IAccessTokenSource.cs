namespace Platform.WeChat.Api;

/// <summary>
/// Supplies the account access token. The central cache lives in the gateway; callers only read from it and
/// report a token WeChat rejected, so the cache can replace that token once even when many callers report it.
/// </summary>
public interface IAccessTokenSource
{
    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default);

    ValueTask<string> RefreshAccessTokenAsync(string rejectedToken, CancellationToken cancellationToken = default);
}
