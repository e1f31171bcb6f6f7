using System.Net;
using System.Net.Http.Json;

namespace Payment.API.Application;

/// <summary>The openid WeChat Pay needs as a JSAPI payer, read from Identity when the patient presses pay and never
/// stored here. No binding means the patient is outside WeChat and pays by scanning a QR code. The mini-program has
/// its own openid per user, read the same way.</summary>
public sealed class PayerDirectory(HttpClient http)
{
    private sealed record WeChatPayer(string OpenId);

    public async Task<string?> OpenIdAsync(Guid accountId, CancellationToken ct)
    {
        using var response = await http.GetAsync($"api/identity/internal/accounts/{accountId}/wechat-payer", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Identity answered {(int)response.StatusCode} for a payer look-up", null, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<WeChatPayer>(ct))?.OpenId;
    }

    /// <summary>The account's mini-program openid (a different openid from the service account's); null when the account
    /// never signed in from the mini-program.</summary>
    public async Task<string?> MiniProgramOpenIdAsync(Guid accountId, CancellationToken ct)
    {
        using var response = await http.GetAsync($"api/identity/internal/accounts/{accountId}/wechat-payer?app=miniprogram", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Identity answered {(int)response.StatusCode} for a payer look-up", null, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<WeChatPayer>(ct))?.OpenId;
    }
}
