using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Problems;
using Platform.WeChat.JsSdk;
using WeChat.Gateway.Application;
using WeChat.Gateway.Application.Credentials;
using WeChat.Gateway.Application.OAuth;

namespace WeChat.Gateway.Apis;

public static class JsSdkApi
{
    public static IEndpointRouteBuilder MapJsSdkApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/wechat/jssdk").WithTags("微信 JS-SDK")
            .MapGet("/signature", Signature).WithName("WeChatJsSdkSignature").WithSummary("H5 页面 wx.config 所需签名");
        return app;
    }

    public static async Task<Ok<JsSdkConfig>> Signature(string? url, ReturnUrlPolicy policy, JsApiTicketCredential ticket,
        IOptions<WeChatGatewayOptions> options, TimeProvider time, CancellationToken ct)
    {
        // The page signs its own location.href without the fragment; sign exactly that string.
        var page = url is null ? null : JsSdkSigner.StripFragment(url);
        if (page is null || policy.ResolveAbsolute(page) is null)
            throw new ProblemException(400, "jssdk_url_not_allowed", "页面地址不在允许范围内");
        var jsapiTicket = await ticket.GetAsync(ct);
        return TypedResults.Ok(JsSdkSigner.CreateConfig(options.Value.AppId, jsapiTicket, page, time.GetUtcNow()));
    }
}
