using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Identity;

/// <summary>Browser steps the identity tests share.</summary>
public static class IdentityPages
{
    /// <summary>A phone-sized context already signed in as <paramref name="account"/> (tokens stored the way the login page
    /// stores them; set once, so a refresh by the app is not undone on the next navigation).</summary>
    public static Task<IBrowserContext> SignedInContextAsync(this BrowserFixture browser, TestAccount account) =>
        browser.NewContextAsync(localStorage: new Dictionary<string, string>
        {
            ["platform.patient.token"] = account.AccessToken,
            ["platform.patient.refresh"] = account.RefreshToken,
        });

    public static ILocator Input(this IPage page, string testId) => page.GetByTestId(testId).Locator("input");

    /// <summary>Scrolls an agreement's text box to its end, the way a reader would.</summary>
    public static async Task ReadAgreementToTheEndAsync(this IPage page, string kind)
    {
        var body = page.GetByTestId($"agreement-{kind}").GetByTestId("agreement-body");
        await body.EvaluateAsync("el => el.scrollTo({ top: el.scrollHeight })");
    }

    public static async Task AcceptAgreementAsync(this IPage page, string kind)
    {
        var section = page.GetByTestId($"agreement-{kind}");
        await Expect(section).ToBeVisibleAsync();
        var accept = section.GetByTestId("agreement-accept");
        await Expect(accept).ToBeDisabledAsync();
        await Expect(section.GetByTestId("agreement-hint")).ToContainTextAsync("请阅读至底部");
        await page.ReadAgreementToTheEndAsync(kind);
        await Expect(accept).ToBeEnabledAsync();
        await accept.ClickAsync();
    }

    /// <summary>Fills the 添加就诊人 (real-name verification) form with a resident ID and submits it.</summary>
    public static async Task FillPatientFormAsync(this IPage page, string relation, string name, string idNumber, string phone)
    {
        await page.GetByTestId($"relation-{relation}").ClickAsync();
        await page.Input("patient-name").FillAsync(name);
        await page.GetByTestId("id-type-resident_id").ClickAsync();
        await page.Input("patient-id-number").FillAsync(idNumber);
        await page.Input("patient-phone").FillAsync(phone);
        await page.GetByTestId("method-id_card").ClickAsync();
    }

    public static async Task<string?> LocalStorageAsync(this IPage page, string key) =>
        await page.EvaluateAsync<string?>("k => localStorage.getItem(k)", key);
}
