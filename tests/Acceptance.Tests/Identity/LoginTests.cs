using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Identity;

/// <summary>安全认证 (R03): user name + password, TOTP as a second factor, and lockout after repeated failures.</summary>
[Collection(PagesCollection.Name)]
public sealed class LoginTests(BrowserFixture browser)
{
    private static async Task SubmitLoginAsync(IPage page, string username, string password)
    {
        await page.Input("login-username").FillAsync(username);
        await page.Input("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    [Fact]
    [Trait("Rubric", "R03")]
    public async Task A_patient_logs_in_with_user_name_and_password_and_sees_the_masked_phone()
    {
        var account = await IdentityApi.RegisterAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/mine");
            await p.GetByTestId("mine-login").ClickAsync();
            await SubmitLoginAsync(p, account.Username, "Wrong#Pass1");
            await Expect(p.GetByTestId("login-error")).ToContainTextAsync("用户名或密码错误");

            await SubmitLoginAsync(p, account.Username, account.Password);
            await Expect(p.GetByTestId("account-username")).ToHaveTextAsync(account.Username);
            await Expect(p.GetByTestId("account-phone")).ToHaveTextAsync($"{account.Phone[..3]}****{account.Phone[^4..]}");
            Assert.False(string.IsNullOrEmpty(await p.LocalStorageAsync("platform.patient.refresh")));

            await p.GetByTestId("logout").ClickAsync();
            await Expect(p.GetByText("已退出登录")).ToBeVisibleAsync();
            await Expect(p.GetByTestId("mine-login")).ToBeVisibleAsync();
            Assert.Null(await p.LocalStorageAsync("platform.patient.token"));
        });
    }

    [Fact]
    [Trait("Rubric", "R03")]
    public async Task A_patient_enrols_an_authenticator_and_then_needs_its_code_to_log_in()
    {
        var account = await IdentityApi.RegisterAsync();
        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/mine/security");
            await p.GetByTestId("totp-start").ClickAsync();
            await Expect(p.GetByTestId("totp-qr")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^data:image/"));
            var secret = (await p.GetByTestId("totp-secret").TextContentAsync())!.Trim();
            await p.Input("totp-code").FillAsync(Totp.Code(secret, DateTimeOffset.UtcNow));
            await p.GetByTestId("totp-confirm").ClickAsync();
            await Expect(p.GetByTestId("totp-status")).ToHaveAttributeAsync("data-enabled", "true");

            await p.GotoAsync("/mine");
            await p.GetByTestId("logout").ClickAsync();
            await Expect(p.GetByText("已退出登录")).ToBeVisibleAsync();
            await p.GotoAsync("/account");
            await SubmitLoginAsync(p, account.Username, account.Password);
            await Expect(p.GetByTestId("login-mfa")).ToBeVisibleAsync();
            await p.Input("login-otp").FillAsync("000000");
            await p.GetByTestId("login-submit").ClickAsync();
            await Expect(p.GetByTestId("login-error")).ToBeVisibleAsync();

            await p.Input("login-otp").FillAsync(Totp.NextCode(secret));
            await p.GetByTestId("login-submit").ClickAsync();
            await Expect(p.GetByTestId("account-username")).ToHaveTextAsync(account.Username);
        });
    }

    [Fact]
    [Trait("Rubric", "R03")]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var account = await IdentityApi.RegisterAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/account");
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                await SubmitLoginAsync(p, account.Username, $"Wrong#Pass{attempt}");
                await Expect(p.GetByTestId("login-error")).ToContainTextAsync("用户名或密码错误");
                await p.Input("login-password").FillAsync("");
            }
            // The fifth failure may already be answered with the lock.
            await SubmitLoginAsync(p, account.Username, "Wrong#Pass5");
            await Expect(p.GetByTestId("login-error")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("用户名或密码错误|15分钟"));
            await SubmitLoginAsync(p, account.Username, account.Password);
            await Expect(p.GetByTestId("login-error")).ToContainTextAsync("15分钟");
            Assert.Null(await p.LocalStorageAsync("platform.patient.token"));
        });
    }

    [Theory]
    [Trait("Rubric", "R03")]
    [InlineData("/admin/", "admin", "Admin@2026", "platform.staff.token")]
    [InlineData("/doctor/", "doctor01", "Doctor@2026", "platform.doctor.token")]
    public async Task Staff_log_in_with_password_and_the_mandatory_authenticator_code(string app, string username, string password, string tokenKey)
    {
        await using var context = await browser.NewContextAsync(PatientSession.Desktop);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync(app);
            // Element Plus puts the test id on the native input.
            await p.GetByTestId("login-username").FillAsync(username);
            await p.GetByTestId("login-password").FillAsync(password);
            await p.GetByTestId("login-submit").ClickAsync();
            var otp = p.GetByTestId("login-otp");
            await Expect(otp).ToBeVisibleAsync();
            await otp.FillAsync(Totp.NextCode("JBSWY3DPEHPK3PXP"));
            await p.GetByTestId("login-submit").ClickAsync();
            await Expect(p.GetByTestId("current-user")).Not.ToHaveTextAsync("工作人员");
            await Expect(p.GetByTestId("current-user")).Not.ToBeEmptyAsync();
            Assert.False(string.IsNullOrEmpty(await p.LocalStorageAsync(tokenKey)));
        }, $"Staff_login_{username}");
    }
}
