using Microsoft.Extensions.Options;
using Platform.WeChat.Api;
using WeChat.Gateway.Application.MiniProgram;

namespace WeChat.Gateway.Application.Credentials;

/// <summary>Library clients for the mini-program app: same WeChat API host, the mini-program's appid, secret and token.</summary>
public sealed class MiniProgramClientFactory(IHttpClientFactory http, IOptions<WeChatGatewayOptions> gateway,
    IOptions<MiniProgramOptions> options, IServiceProvider services)
{
    public WeChatApiClient WithoutAccessToken() => new(http.CreateClient(WeChatClientFactory.HttpClientName), ApiOptions());

    public WeChatApiClient WithAccessToken() =>
        new(http.CreateClient(WeChatClientFactory.HttpClientName), ApiOptions(), services.GetRequiredService<MiniProgramAccessTokenCredential>());

    private WeChatApiOptions ApiOptions()
    {
        // Permanent for the message at hand: nothing can be sent as a mini-program without its appid and secret.
        if (!options.Value.Configured)
            throw new WeChatApiException(WeChatErrorCodes.InvalidAppId, "WeChat:MiniProgram:AppId/AppSecret 未配置", "miniprogram");
        return new WeChatApiOptions
        {
            AppId = options.Value.AppId,
            AppSecret = options.Value.AppSecret,
            ApiBaseAddress = new Uri(gateway.Value.ApiBaseUrl),
        };
    }
}
