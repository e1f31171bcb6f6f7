using Microsoft.Extensions.Options;
using Platform.WeChat.Api;

namespace WeChat.Gateway.Application.Credentials;

/// <summary>Builds library clients on pooled handlers; the token-fetching client has no token source, which keeps
/// the access-token credential from depending on itself.</summary>
public sealed class WeChatClientFactory(IHttpClientFactory http, IOptions<WeChatGatewayOptions> options, IServiceProvider services)
{
    public const string HttpClientName = "wechat";

    public WeChatApiClient WithoutAccessToken() => new(http.CreateClient(HttpClientName), ApiOptions());

    public WeChatApiClient WithAccessToken() =>
        new(http.CreateClient(HttpClientName), ApiOptions(), services.GetRequiredService<AccessTokenCredential>());

    private WeChatApiOptions ApiOptions() => new()
    {
        AppId = options.Value.AppId,
        AppSecret = options.Value.AppSecret,
        ApiBaseAddress = new Uri(options.Value.ApiBaseUrl),
    };
}
