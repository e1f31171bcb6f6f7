using Microsoft.Extensions.Options;

namespace WeChat.Gateway.Application.Credentials;

/// <summary>The jsapi_ticket behind JS-SDK signatures; fetched on first use, then kept fresh like the token.</summary>
public sealed class JsApiTicketCredential(
    WeChatClientFactory clients, CredentialStore store, IOptions<WeChatGatewayOptions> options, TimeProvider time)
    : CentralCredential("jsapi_ticket", store, options, time)
{
    public override bool FetchAtStart => false;

    protected override async Task<FetchedCredential> FetchAsync(string? rejected, CancellationToken ct)
    {
        var result = await clients.WithAccessToken().GetJsApiTicketAsync(ct);
        return new FetchedCredential(result.Ticket, result.ExpiresIn);
    }
}
