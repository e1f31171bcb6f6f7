using Acceptance.Tests.ElderMode;
using Acceptance.Tests.Identity;
using Acceptance.Tests.Scheduling;
using Acceptance.Tests.WeChat;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Payment;

/// <summary>挂号缴费 (R36) as patients do it: inside WeChat through WeChat Pay's own pay screen (JSAPI), and from a
/// browser outside WeChat by scanning a QR code; the booking moves 待支付 → 已预约 live (R17 for payments), the payment
/// is listed in 缴费记录 and announced in the message centre.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegistrationFeeTests
{
    private readonly BrowserFixture browser;

    public RegistrationFeeTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "R36")]
    [Trait("Rubric", "R17")]
    [Trait("Rubric", "X03")]
    public async Task An_elderly_patient_outside_WeChat_pays_the_registration_fee_by_QR_code_and_sees_it_booked_live()
    {
        var family = await SchedulingStack.FamilyAsync();
        await ElderModePages.SetAccountElderModeAsync(family.Account, true);
        var session = await SchedulingStack.FindSessionAsync();
        var appointmentId = await SchedulingStack.BookAsync(family.Account, family.ParentId, session);
        // The HIS locks the slot first; at the start of a full test run that can take longer than a page waits.
        await Eventually.Until(async () => (await SchedulingStack.AppointmentAsync(family.Account, appointmentId)).GetProperty("status").GetString(),
            s => s == "awaitingPayment", TimeSpan.FromSeconds(90), "the slot locked at the HIS (待支付)");

        await using var context = await browser.SignedInContextAsync(family.Account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.OpenInElderModeAsync($"/appointments/{appointmentId}", "pay-card");
            await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "awaitingPayment", new() { Timeout = 30000 });
            var card = p.GetByTestId("pay-card");
            await Expect(card.GetByTestId("pay-amount")).ToContainTextAsync("¥");
            await Expect(card.GetByTestId("pay-countdown")).ToBeVisibleAsync();
            await Expect(p.GetByTestId("push-status")).ToHaveAttributeAsync("data-state", "connected");
            await p.EvaluateAsync("() => { window.__noReload = true }");

            await p.GetByTestId("pay-button").ClickAsync();
            await Expect(p.GetByTestId("pay-qr")).ToBeVisibleAsync();
            await Accessibility.AssertElderFriendlyAsync(p);
            await WeChatPaySimulator.PayQrCodeAsync(p);

            // WeChat Pay's notice reaches Payment, Scheduling books it, and both pushes reach this page: no reload.
            await Expect(p.GetByTestId("pay-state")).ToHaveAttributeAsync("data-state", "paid", new() { Timeout = 45000 });
            await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "booked", new() { Timeout = 45000 });
            Assert.True(await p.EvaluateAsync<bool>("() => window.__noReload === true"));

            await p.OpenInElderModeAsync("/payments", "payment-item");
            var item = p.Locator("[data-testid=payment-item][data-status=paid]");
            await Expect(item).ToHaveCountAsync(1);
            await Expect(item).ToContainTextAsync("挂号费");
            await Expect(item).ToContainTextAsync("已支付");
            await Accessibility.AssertElderFriendlyAsync(p);

            // X03: the 医疗电子票据 arrives on its own (push), with its verification code; the PDF downloads and the
            // platform's public page confirms it is genuine.
            var receipt = item.GetByTestId("einvoice");
            await Expect(receipt).ToHaveAttributeAsync("data-status", "issued", new() { Timeout = 60000 });
            var checkCode = await receipt.GetByTestId("einvoice-check").InnerTextAsync();
            Assert.Matches("^[0-9A-Za-z]{4,}$", checkCode);
            var download = await p.RunAndWaitForDownloadAsync(() => receipt.GetByTestId("einvoice-open").ClickAsync());
            var path = await download.PathAsync();
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path!)[..4]));
            var verifyUrl = await receipt.GetByTestId("einvoice-verify").GetAttributeAsync("href");
            var verify = await p.Context.NewPageAsync();
            await verify.GotoAsync(verifyUrl!);
            await Expect(verify.GetByText("真票").First).ToBeVisibleAsync();
            await verify.CloseAsync();
        }, "R36_qr");

        // The message centre's 支付成功 links to this payment in 缴费记录.
        var message = await Eventually.Until(async () =>
            {
                var messages = await IdentityApi.GetAsync(family.Account.AccessToken, "/api/notification/messages");
                var items = messages.ValueKind == System.Text.Json.JsonValueKind.Array ? messages : messages.GetProperty("items");
                return items.EnumerateArray().FirstOrDefault(m => m.GetProperty("title").GetString() == "支付成功");
            }, m => m.ValueKind == System.Text.Json.JsonValueKind.Object, TimeSpan.FromSeconds(30), "the 支付成功 message");
        var link = message.GetProperty("link").GetString()!;
        Assert.StartsWith("/payments/", link);
        await page.RunAsync(async p =>
        {
            await p.GotoAsync(link);
            await Expect(p.Locator($"[data-testid=payment-item][data-id='{link["/payments/".Length..]}']")).ToHaveAttributeAsync("aria-current", "true");
        }, "R36_message_link");
    }

    [Fact]
    [Trait("Rubric", "R36")]
    public async Task Inside_WeChat_the_patient_pays_on_WeChat_Pays_own_screen()
    {
        var family = await SchedulingStack.FamilyAsync();
        var session = await SchedulingStack.FindSessionAsync();
        var appointmentId = await SchedulingStack.BookAsync(family.Account, family.SelfId, session);
        var simUser = "pay" + Guid.NewGuid().ToString("N")[..12];

        await using var context = await WeChatPaySimulator.InWeChatContextAsync(browser);
        await WeChatSimulator.SignInAsAsync(context, simUser);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            // Sign in through WeChat and bind it to the account (the owner confirms), as a patient in WeChat would.
            await p.GotoAsync("/account");
            await p.GetByTestId("login-wechat").ClickAsync();
            await Expect(p.GetByTestId("wechat-bind-required")).ToBeVisibleAsync(new() { Timeout = 15000 });
            await p.GetByTestId("wechat-login-password").ClickAsync();
            await p.GetByTestId("login-username").Locator("input").FillAsync(family.Account.Username);
            await p.GetByTestId("login-password").Locator("input").FillAsync(family.Account.Password);
            await p.GetByTestId("login-submit").ClickAsync();
            await p.GetByTestId("wechat-bind-confirm").ClickAsync(new() { Timeout = 15000 });
            await Expect(p.GetByTestId("wechat-bound")).ToHaveTextAsync("已绑定微信", new() { Timeout = 15000 });

            await p.GotoAsync($"/appointments/{appointmentId}");
            await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "awaitingPayment", new() { Timeout = 30000 });
            await p.GetByTestId("pay-button").ClickAsync();
            var cashier = p.FrameLocator("iframe[title='微信支付']");
            await Expect(cashier.GetByText("挂号费").First).ToBeVisibleAsync();
            await cashier.GetByRole(AriaRole.Button, new() { Name = "确认支付" }).ClickAsync();
            await cashier.GetByRole(AriaRole.Button, new() { Name = "完成" }).ClickAsync();

            await Expect(p.GetByTestId("pay-state")).ToHaveAttributeAsync("data-state", "paid", new() { Timeout = 45000 });
            await Expect(p.GetByTestId("appointment-status")).ToHaveAttributeAsync("data-status", "booked", new() { Timeout = 45000 });
        }, "R36_jsapi");
    }
}
