using Platform.ServiceDefaults.Http;
using System.Net;
using System.Net.Http.Headers;
using Identity.API.Application.Tokens;
using Identity.API.Application.WeChat;
using OpenIddict.Abstractions;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Infrastructure.WeChat;

/// <summary>What the gateway's ticket proves: the openid, the profile WeChat gave, and the intent the round trip was started
/// with (null for a plain sign-in).</summary>
public sealed record RedeemedWeChatTicket(string OpenId, string? UnionId, string? Nickname, string? HeadImageUrl = null, string? Intent = null,
    string? App = null)
{
    /// <summary>Tickets of a gateway older than the mini-program name no app: theirs are the service account's.</summary>
    public WeChatIdentity Who => new(App == WeChatApps.MiniProgram ? WeChatApps.MiniProgram : WeChatApps.ServiceAccount, OpenId,
        string.IsNullOrEmpty(UnionId) ? null : UnionId);
}

/// <summary>Turns the one-time wxticket the app brought back from the WeChat gateway into the openid. The gateway only
/// answers integration clients; Identity issues that token to itself through OpenIddict's pipeline, in-process.</summary>
public sealed class WeChatTicketRedeemer(HttpClient http, InProcessTokens tokens)
{
    /// <returns>null when the ticket is unknown, spent or expired.</returns>
    public async Task<RedeemedWeChatTicket?> RedeemAsync(string ticket, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/wechat/oauth/tickets/redeem")
        {
            Content = JsonContent.Create(new { ticket }),
        };
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
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest) return null;
            if (!response.IsSuccessStatusCode) throw Unavailable();
            var redeemed = await response.Content.ReadFromJsonAsync<RedeemedWeChatTicket>(ct);
            return string.IsNullOrEmpty(redeemed?.OpenId) ? null : redeemed;
        }
    }

    private static ProblemException Unavailable() => new(503, "wechat_unavailable", "微信登录服务繁忙，请稍后重试");
}
