using Microsoft.Extensions.Options;
using Platform.WeChat.Api;

namespace WeChat.Gateway.Application.Credentials;

/// <summary>The service account's access_token, fetched at start: the menu and template messages need it.</summary>
public sealed class AccessTokenCredential(
    WeChatClientFactory clients, CredentialStore store, IOptions<WeChatGatewayOptions> options, TimeProvider time)
    : StableAccessTokenCredential("access_token", store, options, time)
{
    public override bool FetchAtStart => true;

    protected override WeChatApiClient TokenlessClient() => clients.WithoutAccessToken();
}
