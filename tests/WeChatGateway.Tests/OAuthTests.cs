using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace WeChatGateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class OAuthTests(GatewayFixture fixture)
{
    private GatewayStack Stack => fixture.Stack;

    private static HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false });

    /// <summary>Follows the browser's path: gateway → WeChat's page (as sim_user) → gateway callback → the app.</summary>
    private async Task<(Uri AppUrl, Uri CallbackUrl)> SignInAsync(string returnUrl, string scope, string user, string? intent = null)
    {
        using var browser = Browser();
        var authorize = await browser.GetAsync($"{Stack.GatewayUrl}/api/wechat/oauth/authorize?returnUrl={Uri.EscapeDataString(returnUrl)}&scope={scope}"
            + (intent is null ? "" : "&intent=" + Uri.EscapeDataString(intent)));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var wechatPage = authorize.Headers.Location!.AbsoluteUri;
        Assert.StartsWith(Stack.Simulator.Url + "/connect/oauth2/authorize?appid=" + WeChatSimulator.AppId, wechatPage);
        Assert.EndsWith("#wechat_redirect", wechatPage);

        var consent = await browser.GetAsync(wechatPage.Split('#')[0] + "&sim_user=" + user);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var callback = consent.Headers.Location!;
        Assert.StartsWith(Stack.GatewayUrl + "/api/wechat/oauth/callback", callback.AbsoluteUri);

        var back = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        return (back.Headers.Location!, callback);
    }

    private async Task<HttpResponseMessage> RedeemAsync(string ticket, string? role = "integration")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/wechat/oauth/tickets/redeem") { Content = JsonContent.Create(new { ticket }) };
        if (role is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role));
        return await Stack.Gateway.SendAsync(request);
    }

    [Fact]
    public async Task Userinfo_sign_in_returns_to_the_app_with_a_one_time_ticket_the_identity_service_redeems()
    {
        var (appUrl, callbackUrl) = await SignInAsync("http://127.0.0.1:8080/me?tab=1#/profile", "snsapi_userinfo", "lisi");
        Assert.Equal("http://127.0.0.1:8080/me", appUrl.GetLeftPart(UriPartial.Path));
        Assert.Equal("#/profile", appUrl.Fragment);
        var query = System.Web.HttpUtility.ParseQueryString(appUrl.Query);
        Assert.Equal("1", query["tab"]);
        var ticket = query["wxticket"]!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await RedeemAsync(ticket, role: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RedeemAsync(ticket, role: "patient")).StatusCode);

        var redeemed = await RedeemAsync(ticket);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        var body = await redeemed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(await Stack.Simulator.OpenIdOfAsync("lisi"), body.GetProperty("openId").GetString());
        Assert.Equal("李四", body.GetProperty("nickname").GetString());
        var unionId = body.GetProperty("unionId").GetString()!;
        Assert.StartsWith("u", unionId);
        // What WeChat said of the user is kept, but only sealed: no unionid, nickname or avatar in clear in any table.
        var avatar = body.GetProperty("headImageUrl").GetString()!;
        Assert.Equal(1, await Stack.CountAsync(
            $"SELECT count(*) FROM wechat_users WHERE id = '{TestKeys.WeChatUserIds.For(body.GetProperty("openId").GetString()!)}' AND profile_encrypted IS NOT NULL"));
        foreach (var clear in new[] { unionId, "李四", avatar })
            Assert.Equal(0, await Stack.CountAsync(
                $"SELECT (SELECT count(*) FROM wechat_users u WHERE u::text LIKE '%{clear}%') + (SELECT count(*) FROM oauth_tickets t WHERE t::text LIKE '%{clear}%')"));

        Assert.Equal(HttpStatusCode.NotFound, (await RedeemAsync(ticket)).StatusCode);
        using var browser = Browser();
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync(callbackUrl)).StatusCode);
    }

    [Fact]
    public async Task Base_scope_sign_in_yields_the_openid_from_a_relative_return_path()
    {
        var (appUrl, _) = await SignInAsync("/booking", "snsapi_base", "wangfang");
        Assert.StartsWith("http://127.0.0.1:8080/booking?wxticket=", appUrl.AbsoluteUri);
        var ticket = System.Web.HttpUtility.ParseQueryString(appUrl.Query)["wxticket"]!;
        var body = await (await RedeemAsync(ticket)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(await Stack.Simulator.OpenIdOfAsync("wangfang"), body.GetProperty("openId").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("intent").ValueKind);
    }

    [Fact]
    public async Task A_binding_round_trip_carries_its_intent_into_the_ticket()
    {
        var intent = "i" + Guid.NewGuid().ToString("N");
        var (appUrl, _) = await SignInAsync("/account/wechat", "snsapi_userinfo", "lisi", intent);
        var ticket = System.Web.HttpUtility.ParseQueryString(appUrl.Query)["wxticket"]!;
        Assert.DoesNotContain(intent, appUrl.AbsoluteUri);
        var body = await (await RedeemAsync(ticket)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(intent, body.GetProperty("intent").GetString());
        Assert.Equal("李四", body.GetProperty("nickname").GetString());
        Assert.StartsWith("https://", body.GetProperty("headImageUrl").GetString());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("a/b")]
    public async Task A_malformed_intent_is_refused(string intent)
    {
        var response = await Stack.Gateway.GetAsync($"/api/wechat/oauth/authorize?returnUrl=%2F&intent={Uri.EscapeDataString(intent)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("https://evil.example.com/steal")]
    [InlineData("//evil.example.com/steal")]
    [InlineData("/\\evil.example.com/steal")]
    [InlineData("http://127.0.0.1:8080@evil.example.com/")]
    [InlineData("http://127.0.0.1:8081/")]
    [InlineData("javascript:alert(1)")]
    public async Task Return_urls_off_the_platform_are_refused(string returnUrl)
    {
        var before = await Stack.CountAsync("SELECT count(*) FROM oauth_states");
        var response = await Stack.Gateway.GetAsync($"/api/wechat/oauth/authorize?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(before, await Stack.CountAsync("SELECT count(*) FROM oauth_states"));
    }

    [Fact]
    public async Task A_forged_state_is_refused()
    {
        var response = await Stack.Gateway.GetAsync($"/api/wechat/oauth/callback?code=abc&state={new string('a', 64)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
