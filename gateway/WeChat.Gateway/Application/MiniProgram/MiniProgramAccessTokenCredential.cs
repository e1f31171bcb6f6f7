using Microsoft.Extensions.Options;
using Platform.WeChat.Api;
using WeChat.Gateway.Application.Credentials;

namespace WeChat.Gateway.Application.MiniProgram;

/// <summary>The mini-program's access_token, fetched on first use so that a gateway without a mini-program never asks for one.</summary>
public sealed class MiniProgramAccessTokenCredential(
    MiniProgramClientFactory clients, CredentialStore store, IOptions<WeChatGatewayOptions> options, TimeProvider time)
    : StableAccessTokenCredential("miniprogram_access_token", store, options, time)
{
    public override bool FetchAtStart => false;

    protected override WeChatApiClient TokenlessClient() => clients.WithoutAccessToken();
}
