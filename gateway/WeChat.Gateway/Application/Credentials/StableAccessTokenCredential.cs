using Microsoft.Extensions.Options;
using Platform.WeChat.Api;

namespace WeChat.Gateway.Application.Credentials;

/// <summary>An app's access_token from the stable-token API, so that no other holder of the AppSecret invalidates ours by
/// asking for one of its own; kept centrally for every replica. One per WeChat app (service account, mini-program).</summary>
public abstract class StableAccessTokenCredential(string name, CredentialStore store, IOptions<WeChatGatewayOptions> options, TimeProvider time)
    : CentralCredential(name, store, options, time), IAccessTokenSource
{
    /// <summary>A client of the app without a token (the token API needs only the appid and secret).</summary>
    protected abstract WeChatApiClient TokenlessClient();

    protected override async Task<FetchedCredential> FetchAsync(string? rejected, CancellationToken ct)
    {
        var api = TokenlessClient();
        var result = await api.GetStableAccessTokenAsync(forceRefresh: false, ct);
        // Normal mode hands back the current token; if that is the one WeChat just refused, force a new one.
        if (rejected is not null && result.AccessToken == rejected)
            result = await api.GetStableAccessTokenAsync(forceRefresh: true, ct);
        return new FetchedCredential(result.AccessToken, result.ExpiresIn);
    }

    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default) => GetAsync(cancellationToken);

    public ValueTask<string> RefreshAccessTokenAsync(string rejectedToken, CancellationToken cancellationToken = default) =>
        ReplaceRejectedAsync(rejectedToken, cancellationToken);
}
