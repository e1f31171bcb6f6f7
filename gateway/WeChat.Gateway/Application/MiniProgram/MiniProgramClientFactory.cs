using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Problems;
using Platform.WeChat.Api;

namespace WeChat.Gateway.Application.MiniProgram;

/// <summary>Library clients carrying the mini-program's appid and secret, on the same WeChat API base as the service account.</summary>
public sealed class MiniProgramClientFactory(IHttpClientFactory http, IOptions<MiniProgramOptions> options,
    IOptions<WeChatGatewayOptions> gateway, IServiceProvider services)
{
    /// <summary>Codes are single-use: a retried exchange would only be refused, so these calls are not retried.</summary>
    public const string HttpClientName = "wechat-miniprogram";

    public WeChatApiClient WithoutAccessToken() => new(http.CreateClient(HttpClientName), ApiOptions());

    public WeChatApiClient WithAccessToken() =>
        new(http.CreateClient(HttpClientName), ApiOptions(), services.GetRequiredService<MiniProgramAccessTokenCredential>());

    private WeChatApiOptions ApiOptions()
    {
        var o = options.Value;
        if (!o.Configured) throw new ProblemException(503, "miniprogram_not_configured", "小程序服务暂未开通，请稍后再试");
        return new WeChatApiOptions { AppId = o.AppId, AppSecret = o.AppSecret, ApiBaseAddress = new Uri(gateway.Value.ApiBaseUrl) };
    }
}
