using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Acceptance.Tests.Notification;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.WeChat;

/// <summary>A patient opens the app from WeChat: 微信一键登录 goes through WeChat's OAuth page (the simulator), the
/// unbound WeChat is bound after one password sign-in and the patient's confirmation, and from then on a report reaches them both live on the 消息 page
/// and as a WeChat template message to that openid.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WeChatDeliveryTests(BrowserFixture browser)
{
    private static async Task<JsonElement> MeAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = new Uri(TestEnvironment.EdgeUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.GetFromJsonAsync<JsonElement>("/api/identity/me");
    }

    private static async Task PublishReportAsync(Guid patientId)
    {
        var id = Guid.CreateVersion7();
        await StackBroker.PublishAsync("Platform.Contracts.Reports", "ReportReadyIntegrationEvent", id, new
        {
            id, occurredAt = DateTimeOffset.UtcNow, reportId = Guid.NewGuid(), patientId, hisReportId = "ACC-WX-" + id.ToString("N")[..6],
            category = "检验", title = "血常规", issuedAt = DateTimeOffset.UtcNow,
        });
    }

    private static bool IsReportTemplate(JsonElement m) =>
        m.GetProperty("kind").GetString() == "template" && m.GetProperty("payload").GetRawText().Contains("报告已出");

    [Fact]
    [Trait("Rubric", "R15")]
    [Trait("Rubric", "R18")]
    [Trait("Rubric", "R01")]
    [Trait("Rubric", "S01")]
    public async Task A_patient_signs_in_with_wechat_binds_it_and_gets_a_report_both_in_the_app_and_on_wechat()
    {
        var account = await IdentityApi.RegisterAsync();
        var simUser = "acc" + Guid.NewGuid().ToString("N")[..12];
        var openId = await WeChatSimulator.OpenIdOfAsync(simUser);

        await using var context = await browser.NewContextAsync();
        await WeChatSimulator.SignInAsAsync(context, simUser);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/account");
            await p.GetByTestId("login-wechat").ClickAsync();
            await Expect(p).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/wechat"), new() { Timeout = 15000 });
            await Expect(p.GetByTestId("wechat-bind-required")).ToBeVisibleAsync(new() { Timeout = 15000 });

            await p.GetByTestId("wechat-login-password").ClickAsync();
            await p.GetByTestId("login-username").Locator("input").FillAsync(account.Username);
            await p.GetByTestId("login-password").Locator("input").FillAsync(account.Password);
            await p.GetByTestId("login-submit").ClickAsync();
            // Back through WeChat with this browser's binding request: the patient confirms who is being bound.
            await Expect(p.GetByTestId("wechat-bind-nickname")).ToHaveTextAsync(simUser, new() { Timeout = 15000 });
            await p.GetByTestId("wechat-bind-confirm").ClickAsync();
            await Expect(p.GetByTestId("wechat-bound")).ToHaveTextAsync("已绑定微信", new() { Timeout = 15000 });
        });
        Assert.True((await MeAsync(account.AccessToken)).GetProperty("wechatBound").GetBoolean());

        // From now on the same WeChat signs straight in.
        await using (var again = await browser.NewContextAsync())
        {
            await WeChatSimulator.SignInAsAsync(again, simUser);
            var second = await again.NewPageAsync();
            await second.RunAsync(async p =>
            {
                await p.GotoAsync("/account");
                await p.GetByTestId("login-wechat").ClickAsync();
                await Expect(p).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/mine$"), new() { Timeout = 15000 });
                await Expect(p.GetByTestId("account-username")).ToHaveTextAsync(account.Username);
            }, "WeChat_sign_in_after_binding");
        }

        var self = await IdentityApi.AddPatientAsync(account.AccessToken, "self", TestPeople.ChineseName(),
            TestPeople.ResidentId(TestPeople.BornYearsAgo(35)), account.Phone);
        var patientId = self.GetProperty("id").GetGuid();

        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/messages");
            await Expect(p.GetByTestId("push-status")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15000 });
            var accountId = StackTokens.Subject(account.AccessToken);
            await NotificationKnows.PatientAsync(accountId, patientId);
            await NotificationKnows.BindingAsync("wechat_bindings", accountId);
            await PublishReportAsync(patientId);
            await Eventually.Until(async () => (await WeChatSimulator.MessagesAsync(openId)).Count(IsReportTemplate),
                n => n == 1, TimeSpan.FromSeconds(30), "report template message at the WeChat simulator");

            var report = p.Locator("[data-testid=message-item][data-category=report]").First;
            await Expect(report).ToBeVisibleAsync(new() { Timeout = 15000 });
            await Expect(report).ToContainTextAsync("报告已出");
        });

        var delivered = (await WeChatSimulator.MessagesAsync(openId)).First(IsReportTemplate);
        Assert.Equal(openId, delivered.GetProperty("payload").GetProperty("touser").GetString());
        Assert.Contains("/reports/", delivered.GetProperty("payload").GetProperty("url").GetString());

        // Found by its keyed id all the way, the openid itself is stored in clear nowhere: no column, no outbox payload.
        foreach (var database in new[] { "wechat", "notification", "identity" })
            Assert.Empty(await ClearTextScan.StackTablesContainingAsync(database, openId));
    }
}
