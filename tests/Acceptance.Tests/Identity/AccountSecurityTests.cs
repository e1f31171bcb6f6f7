using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Identity;

/// <summary>Issue 9 in the patient app: SMS sign-in while password sign-in is locked, password change and reset, and
/// signing out other devices, each reached from 我的.</summary>
[Collection(PagesCollection.Name)]
public sealed class AccountSecurityTests(BrowserFixture browser)
{
    /// <summary>Clicks a 获取验证码 button until a code reaches <paramref name="phone"/>: the number just got its registration
    /// code, and the service refuses a second one inside the resend interval.</summary>
    private static async Task<string> SendCodeAsync(IPage page, string buttonTestId, string phone)
    {
        for (var attempt = 1; ; attempt++)
        {
            var since = DateTimeOffset.UtcNow;
            await page.GetByTestId(buttonTestId).ClickAsync();
            try
            {
                return await Simulators.LatestSmsCodeAsync(phone, since.AddSeconds(2), TimeSpan.FromSeconds(4));
            }
            catch (TimeoutException) when (attempt < 5)
            {
                await Expect(page.GetByTestId(buttonTestId)).ToBeEnabledAsync();
            }
        }
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_patient_locked_out_of_password_sign_in_signs_in_with_an_sms_code()
    {
        var account = await IdentityApi.RegisterAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/account");
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                await p.Input("login-username").FillAsync(account.Username);
                await p.Input("login-password").FillAsync($"Wrong#Pass{attempt}");
                await p.GetByTestId("login-submit").ClickAsync();
                await Expect(p.GetByTestId("login-error")).ToContainTextAsync(attempt < 5 ? "用户名或密码错误" : "短信验证码登录");
            }

            await p.GetByRole(AriaRole.Tab, new() { Name = "短信验证码登录" }).ClickAsync();
            await p.Input("sms-login-phone").FillAsync(account.Phone);
            var code = await SendCodeAsync(p, "sms-login-send", account.Phone);
            await p.Input("sms-login-code").FillAsync(code);
            await p.GetByTestId("login-submit").ClickAsync();
            await Expect(p.GetByTestId("account-username")).ToHaveTextAsync(account.Username);
        });
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_patient_changes_the_password_from_mine_and_other_devices_are_signed_out()
    {
        var account = await IdentityApi.RegisterAsync();
        var (access, refresh) = await IdentityApi.SignInAsync(account.Username, account.Password);
        await using var context = await browser.SignedInContextAsync(account with { AccessToken = access, RefreshToken = refresh });
        var page = await context.NewPageAsync();
        const string newPassword = "Changed#2027ok";
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/mine");
            await p.GetByTestId("mine-security").ClickAsync();
            await p.GetByTestId("security-change-password").ClickAsync();
            await p.Input("change-old").FillAsync("Wrong#Pass1");
            await p.Input("change-new").FillAsync(newPassword);
            await p.Input("change-confirm").FillAsync(newPassword);
            await p.GetByTestId("change-submit").ClickAsync();
            await Expect(p.GetByTestId("change-old")).ToContainTextAsync("原密码错误");

            await p.Input("change-old").FillAsync(account.Password);
            await p.GetByTestId("change-submit").ClickAsync();
            await Expect(p.GetByText("密码已修改")).ToBeVisibleAsync();
            await Expect(p).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/mine/security$"));

            // The other device (the registration's session) is signed out; this one is still signed in.
            Assert.False(await IdentityApi.CanRefreshAsync(account.RefreshToken));
            await p.GotoAsync("/mine");
            await Expect(p.GetByTestId("account-username")).ToHaveTextAsync(account.Username);
        });
        await IdentityApi.SignInAsync(account.Username, newPassword);
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_patient_resets_a_forgotten_password_by_sms_from_mine()
    {
        var account = await IdentityApi.RegisterAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        const string newPassword = "Reset#2027ok";
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/mine");
            await p.GetByTestId("mine-reset-password").ClickAsync();
            await p.Input("reset-phone").FillAsync(account.Phone);
            var code = await SendCodeAsync(p, "reset-send-code", account.Phone);
            await p.Input("reset-code").FillAsync(code);
            await p.Input("reset-password").FillAsync(newPassword);
            await p.Input("reset-confirm").FillAsync(newPassword);
            await p.GetByTestId("reset-submit").ClickAsync();
            await Expect(p.GetByText("密码已重置")).ToBeVisibleAsync();

            await p.Input("login-username").FillAsync(account.Username);
            await p.Input("login-password").FillAsync(newPassword);
            await p.GetByTestId("login-submit").ClickAsync();
            await Expect(p.GetByTestId("account-username")).ToHaveTextAsync(account.Username);
        });
        Assert.False(await IdentityApi.CanRefreshAsync(account.RefreshToken));
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_patient_signs_out_other_devices_from_the_security_page()
    {
        var account = await IdentityApi.RegisterAsync();
        var (access, refresh) = await IdentityApi.SignInAsync(account.Username, account.Password);
        await using var context = await browser.SignedInContextAsync(account with { AccessToken = access, RefreshToken = refresh });
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/mine/security");
            await p.GetByTestId("security-revoke-others").ClickAsync();
            await p.Locator(".van-dialog").GetByRole(AriaRole.Button, new() { Name = "退出其他设备" }).ClickAsync();
            await Expect(p.GetByText("已退出其他 1 台设备")).ToBeVisibleAsync();
        });
        Assert.False(await IdentityApi.CanRefreshAsync(account.RefreshToken));
        Assert.True(await IdentityApi.CanRefreshAsync(refresh));
    }
}
