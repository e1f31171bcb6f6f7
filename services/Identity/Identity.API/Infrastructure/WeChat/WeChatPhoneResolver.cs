using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Identity.API.Application.Tokens;
using OpenIddict.Abstractions;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Infrastructure.WeChat;

/// <summary>The number WeChat granted through the mini-program's phone button, already checked by the gateway (watermark of
/// our appid, stamped just now).</summary>
public sealed record WeChatPhoneNumber(string PhoneNumber, string CountryCode)
{
    public override string ToString() => "WeChatPhoneNumber { **** }";
}

/// <summary>Asks the WeChat gateway (as the integration client "identity", like <see cref="WeChatTicketRedeemer"/>) to resolve
/// the button's code. The gateway's refusals keep their code and Chinese message.</summary>
public sealed class WeChatPhoneResolver(HttpClient http, InProcessTokens tokens)
{
    public async Task<WeChatPhoneNumber> ResolveAsync(string code, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/wechat/miniprogram/phone") { Content = JsonContent.Create(new { code }) };
        var self = await tokens.IssueAsync(TokenPrincipals.ForClient("identity", "身份服务"),
            OpenIddictConstants.GrantTypes.ClientCredentials, clientId: null, ct);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", self.AccessToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception e) when (HttpFailures.IsTransient(e))
        {
            throw Unavailable();
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests)
            {
                var problem = await ReadProblemAsync(response, ct);
                throw response.StatusCode == HttpStatusCode.TooManyRequests
                    ? new ProblemException(429, "too_many_requests", "操作过于频繁，请稍后再试")
                    : problem?.Code == "phone_unverified"
                        ? new ProblemException(400, "phone_unverified", "手机号授权校验未通过，请在本小程序内重新授权")
                        : new ProblemException(400, "phone_code_invalid", "手机号授权已失效，请重新授权");
            }
            if (!response.IsSuccessStatusCode) throw Unavailable();
            var number = await response.Content.ReadFromJsonAsync<WeChatPhoneNumber>(ct);
            return number is { PhoneNumber.Length: > 0, CountryCode.Length: > 0 } ? number : throw Unavailable();
        }
    }

    private static async Task<GatewayProblem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try { return await response.Content.ReadFromJsonAsync<GatewayProblem>(ct); }
        catch (JsonException) { return null; }
    }

    private sealed record GatewayProblem(string? Code);

    private static ProblemException Unavailable() => new(503, "wechat_unavailable", "微信服务繁忙，请稍后重试");
}
