using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Identity;

/// <summary>The admin console's 医生账号关联, read only (changing doctor01's link would sign it out of the other tests): the
/// seeded link of doctor01 to prac-029 is listed, found by keyboard, and its history names who linked it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClinicianLinkPageTests
{
    private readonly BrowserFixture browser;

    public ClinicianLinkPageTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "R20")]
    public async Task Staff_see_which_practitioner_a_doctor_account_acts_as()
    {
        var staffToken = await StackTokens.StaffAsync();
        await using var context = await browser.NewContextAsync(PatientSession.Desktop,
            new Dictionary<string, string> { ["platform.staff.token"] = staffToken });
        var page = await context.NewPageAsync();
        await page.RunAsync(async a =>
        {
            await a.GotoAsync("/admin/clinicians");
            await Expect(a.GetByTestId("clinician-table")).ToBeVisibleAsync();
            await a.Keyboard.PressAsync("/");
            await a.Keyboard.TypeAsync("doctor01");
            await a.Keyboard.PressAsync("Enter");
            var row = a.Locator("tr", new() { Has = a.GetByTestId("clinician-username").GetByText("doctor01", new() { Exact = true }) });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.GetByTestId("clinician-practitioner")).ToHaveAttributeAsync("data-practitioner-id", "prac-029");

            await row.GetByTestId("clinician-link").ClickAsync();
            var dialog = a.GetByTestId("clinician-link-dialog");
            await Expect(dialog).ToBeVisibleAsync();
            await Expect(dialog.GetByTestId("clinician-history")).ToContainTextAsync("演示数据");
            await a.Keyboard.PressAsync("Escape");
            await Expect(dialog).ToBeHiddenAsync();
        }, "R20_clinician_links");
    }
}
