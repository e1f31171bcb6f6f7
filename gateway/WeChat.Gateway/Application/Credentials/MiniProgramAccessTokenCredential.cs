using Microsoft.Extensions.Options;
using Platform.WeChat.Api;

namespace WeChat.Gateway.Application.Credentials;

/// <summary>The mini-program's own access_token (its appid and secret), kept centrally like the service account's;
/// fetched on first use, so a gateway without a mini-program never asks for one.</summary>
public sealed class MiniProgramAccessTokenCredential(
    MiniProgramClientFactory clients, CredentialStore store, IOptions<WeChatGatewayOptions> options, TimeProvider time)
    : CentralCredential("miniprogram_access_token", store, options, time), IAccessTokenSource
{
    public override bool FetchAtStart => false;

    protected override async Task<FetchedCredential> FetchAsync(string? rejected, CancellationToken ct)
    {
        var api = clients.WithoutAccessToken();
        var result = await api.GetStableAccessTokenAsync(forceRefresh: false, ct);
        if (rejected is not null && result.AccessToken == rejected)
            result = await api.GetStableAccessTokenAsync(forceRefresh: true, ct);
        return new FetchedCredential(result.AccessToken, result.ExpiresIn);
    }

    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default) => GetAsync(cancellationToken);

    public ValueTask<string> RefreshAccessTokenAsync(string rejectedToken, CancellationToken cancellationToken = default) =>
        ReplaceRejectedAsync(rejectedToken, cancellationToken);
}
