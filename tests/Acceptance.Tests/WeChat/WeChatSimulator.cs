using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Acceptance.Tests.WeChat;

/// <summary>The WeChat simulator as the tests see it: which simulated person answers WeChat's OAuth page, their openid,
/// and the template messages that reached them.</summary>
public static class WeChatSimulator
{
    public static string Url => Environment.GetEnvironmentVariable("PLATFORM_WECHAT_SIM_URL") is { Length: > 0 } v ? v.TrimEnd('/') : "http://127.0.0.1:5304";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<string> OpenIdOfAsync(string simUser) =>
        (await Http.GetFromJsonAsync<JsonElement>($"{Url}/$sim/users?name={Uri.EscapeDataString(simUser)}")).GetProperty("openid").GetString()!;

    public static async Task<List<JsonElement>> MessagesAsync(string openId) =>
        (await Http.GetFromJsonAsync<List<JsonElement>>($"{Url}/$sim/messages?openid={Uri.EscapeDataString(openId)}"))!;

    /// <summary>WeChat's in-app browser would be signed in as someone; the simulator takes that person from
    /// <c>sim_user</c> on its OAuth page, so the gateway's redirect there gets it appended.</summary>
    public static Task SignInAsAsync(IBrowserContext context, string simUser) =>
        context.RouteAsync("**/api/wechat/oauth/authorize**", async route =>
        {
            var response = await route.FetchAsync(new() { MaxRedirects = 0 });
            var headers = response.Headers.ToDictionary(h => h.Key, h => h.Value);
            if (headers.TryGetValue("location", out var location) && location.Contains("/connect/oauth2/authorize", StringComparison.Ordinal))
            {
                var fragment = location.IndexOf('#');
                var (head, tail) = fragment < 0 ? (location, "") : (location[..fragment], location[fragment..]);
                headers["location"] = $"{head}&sim_user={Uri.EscapeDataString(simUser)}{tail}";
            }
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });
}
