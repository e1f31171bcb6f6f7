using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Identity;

/// <summary>注册: the guide (R05), the agreements that must be read to the end (R04), and the account itself (R01).</summary>
[Collection(PagesCollection.Name)]
public sealed class RegistrationTests(BrowserFixture browser)
{
    [Fact]
    [Trait("Rubric", "R01")]
    [Trait("Rubric", "R04")]
    [Trait("Rubric", "R05")]
    public async Task A_new_patient_reads_the_guide_and_the_agreements_then_registers_on_the_phone()
    {
        var (phone, username, password) = (TestPeople.Phone(), TestPeople.Username("reg"), TestPeople.Password());
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var versions = new Dictionary<string, string>();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/");
            await p.GetByTestId("service-register").ClickAsync();
            await p.GetByTestId("go-register").ClickAsync();

            // R05: the step-by-step guide and the materials come first.
            var guide = p.GetByTestId("reg-guide");
            await Expect(guide).ToBeVisibleAsync();
            Assert.True(await guide.GetByTestId("guide-step").CountAsync() >= 3);
            Assert.True(await guide.GetByTestId("guide-material").CountAsync() >= 1);
            await Expect(guide.Locator(".van-steps")).ToBeVisibleAsync();
            await p.GetByTestId("guide-next").ClickAsync();

            // R04: each agreement can only be accepted once read to the end.
            foreach (var kind in new[] { "registration", "privacy" })
            {
                var section = p.GetByTestId($"agreement-{kind}");
                await Expect(section).ToBeVisibleAsync();
                versions[kind] = (await section.GetAttributeAsync("data-version"))!;
                await p.AcceptAgreementAsync(kind);
            }

            // R01: phone + SMS code + user name + password.
            await p.Input("reg-phone").FillAsync(phone);
            var since = DateTimeOffset.UtcNow;
            var send = p.GetByTestId("reg-send-code");
            await send.ClickAsync();
            await Expect(send).ToContainTextAsync("秒后重发");
            await Expect(send).ToBeDisabledAsync();
            var code = await Simulators.LatestSmsCodeAsync(phone, since);
            await p.Input("reg-code").FillAsync(code);
            await p.Input("reg-username").FillAsync(username);
            await p.Input("reg-password").FillAsync("abcdefgh");
            await Expect(p.GetByTestId("password-hint-classes")).ToHaveAttributeAsync("data-ok", "false");
            await p.Input("reg-password").FillAsync(password);
            await Expect(p.GetByTestId("password-hint-classes")).ToHaveAttributeAsync("data-ok", "true");
            await Expect(p.GetByTestId("password-hint-length")).ToHaveAttributeAsync("data-ok", "true");
            await p.GetByTestId("reg-submit").ClickAsync();

            // Straight on to real-name verification, signed in.
            await Expect(p.GetByTestId("realname-intro")).ToBeVisibleAsync();
            Assert.False(string.IsNullOrEmpty(await p.LocalStorageAsync("platform.patient.token")));
            Assert.False(string.IsNullOrEmpty(await p.LocalStorageAsync("platform.patient.refresh")));
        });

        // The consent is on record with the versions that were shown.
        var token = await page.LocalStorageAsync("platform.patient.token");
        var mine = await IdentityApi.GetAsync(token!, "/api/identity/me/agreements");
        foreach (var (kind, version) in versions)
            Assert.Contains(mine.GetProperty("accepted").EnumerateArray(),
                a => a.GetProperty("kind").GetString() == kind && a.GetProperty("version").GetString() == version);

        // The password works for a fresh login by user name and by phone.
        foreach (var login in new[] { username, phone })
        {
            await using var again = await browser.NewContextAsync();
            var fresh = await again.NewPageAsync();
            await fresh.RunAsync(async p =>
            {
                await p.GotoAsync("/account");
                await p.Input("login-username").FillAsync(login);
                await p.Input("login-password").FillAsync(password);
                await p.GetByTestId("login-submit").ClickAsync();
                await Expect(p.GetByTestId("account-username")).ToHaveTextAsync(username);
            }, $"Registered_account_login_{(login == phone ? "phone" : "username")}");
        }
    }

    [Fact]
    [Trait("Rubric", "R04")]
    public async Task The_agree_button_stays_disabled_until_the_text_is_scrolled_to_the_end()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/register");
            await p.GetByTestId("guide-next").ClickAsync();
            var section = p.GetByTestId("agreement-registration");
            var accept = section.GetByTestId("agreement-accept");
            await Expect(accept).ToBeDisabledAsync();
            var body = section.GetByTestId("agreement-body");
            Assert.True(await body.EvaluateAsync<bool>("el => el.scrollHeight > el.clientHeight + 20"), "协议正文应超出一屏，需要滚动阅读");

            await body.EvaluateAsync("el => el.scrollTo({ top: el.scrollHeight / 3 })");
            await p.WaitForTimeoutAsync(300);
            await Expect(accept).ToBeDisabledAsync();

            await p.ReadAgreementToTheEndAsync("registration");
            await Expect(accept).ToBeEnabledAsync();
            await Expect(section.GetByTestId("agreement-hint")).ToHaveCountAsync(0);
        });
    }
}
