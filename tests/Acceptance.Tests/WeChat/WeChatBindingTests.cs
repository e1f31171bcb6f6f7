using System.Net;
using Acceptance.Tests.Identity;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.WeChat;

/// <summary>绑定微信 in a real browser: a wxticket from someone else's link binds nothing; the patient's own binding shows
/// which WeChat user is being bound and waits for 确认绑定.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WeChatBindingTests(BrowserFixture browser)
{
    /// <summary>The attacker's side: their own WeChat round trip through the gateway and the simulator, stopped before the
    /// app spends the ticket, so the ticket can go into a link.</summary>
    private static async Task<string> TicketOfAsync(string simUser)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(TestEnvironment.EdgeUrl) };
        var toWeChat = await http.GetAsync("/api/wechat/oauth/authorize?returnUrl=%2Faccount%2Fwechat");
        Assert.Equal(HttpStatusCode.Redirect, toWeChat.StatusCode);
        var consent = toWeChat.Headers.Location!.AbsoluteUri;
        var fragment = consent.IndexOf('#');
        var (head, tail) = fragment < 0 ? (consent, "") : (consent[..fragment], consent[fragment..]);
        var back = await http.GetAsync($"{head}&sim_user={Uri.EscapeDataString(simUser)}{tail}");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var toApp = await http.GetAsync(back.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, toApp.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(toApp.Headers.Location!.Query);
        return query["wxticket"] ?? throw new InvalidOperationException("no wxticket in " + toApp.Headers.Location);
    }

    private static async Task<bool> WeChatBoundAsync(TestAccount account) =>
        (await IdentityApi.GetAsync(account.AccessToken, "/api/identity/me")).GetProperty("wechatBound").GetBoolean();

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_wechat_link_from_someone_else_binds_nothing_and_the_patients_own_binding_asks_who_to_confirm()
    {
        var patient = await IdentityApi.RegisterAsync();
        var attackerTicket = await TicketOfAsync("atk" + Guid.NewGuid().ToString("N")[..12]);
        var simUser = "own" + Guid.NewGuid().ToString("N")[..12];
        var openId = await WeChatSimulator.OpenIdOfAsync(simUser);

        await using var context = await browser.SignedInContextAsync(patient);
        await WeChatSimulator.SignInAsAsync(context, simUser);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            // The link someone sent: the signed-in patient opens it and nothing is bound.
            await p.GotoAsync("/account/wechat?wxticket=" + Uri.EscapeDataString(attackerTicket));
            await Expect(p.GetByTestId("wechat-error")).ToContainTextAsync("未绑定任何微信", new() { Timeout = 15000 });
            await Expect(p.GetByTestId("wechat-bind-confirm")).ToHaveCountAsync(0);
            Assert.DoesNotContain("wxticket", p.Url);
            Assert.False(await WeChatBoundAsync(patient));

            // Their own binding, started from 安全设置: WeChat's OAuth page, then who is being bound, then 确认绑定.
            await p.GotoAsync("/mine/security");
            await Expect(p.GetByTestId("wechat-status")).ToHaveAttributeAsync("data-bound", "false");
            await p.GetByTestId("wechat-bind-start").ClickAsync();
            var preview = p.GetByTestId("wechat-bind-preview");
            await Expect(preview).ToBeVisibleAsync(new() { Timeout = 15000 });
            await Expect(p.GetByTestId("wechat-bind-nickname")).ToHaveTextAsync(simUser);
            var masked = (await p.GetByTestId("wechat-bind-openid").TextContentAsync())!.Trim();
            Assert.Contains("****", masked);
            Assert.Equal(openId[..3], masked[..3]);
            Assert.Equal(openId[^4..], masked[^4..]);
            Assert.DoesNotContain(openId, await p.ContentAsync());
            Assert.False(await WeChatBoundAsync(patient));

            // Elder-friendly: both choices are labelled buttons a screen reader names, in large type.
            var confirm = p.GetByRole(AriaRole.Button, new() { Name = "确认绑定此微信" });
            var cancel = p.GetByRole(AriaRole.Button, new() { Name = "取消绑定此微信" });
            await Expect(confirm).ToBeVisibleAsync();
            await Expect(confirm).ToContainTextAsync("确认绑定");
            await Expect(cancel).ToContainTextAsync("取消");
            foreach (var button in new[] { confirm, cancel })
            {
                var box = (await button.BoundingBoxAsync())!;
                Assert.True(box.Height >= 44, $"tap target {box.Height}px");
                var size = await button.EvaluateAsync<double>("el => parseFloat(getComputedStyle(el).fontSize)");
                Assert.True(size >= 16, $"button text {size}px");
            }
            var nicknameSize = await p.GetByTestId("wechat-bind-nickname").EvaluateAsync<double>("el => parseFloat(getComputedStyle(el).fontSize)");
            Assert.True(nicknameSize >= 17, $"nickname {nicknameSize}px");

            await confirm.ClickAsync();
            await Expect(p.GetByTestId("wechat-bound")).ToHaveTextAsync("已绑定微信", new() { Timeout = 15000 });
            await p.GotoAsync("/mine/security");
            await Expect(p.GetByTestId("wechat-status")).ToHaveAttributeAsync("data-bound", "true");
        });
        Assert.True(await WeChatBoundAsync(patient));
    }
}
