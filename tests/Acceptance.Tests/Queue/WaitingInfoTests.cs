using Acceptance.Tests.Scheduling;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Queue;

/// <summary>候诊信息 (R22) without signing in, and the waiting area's display board: counts and numbers, never a patient's
/// name or id.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WaitingInfoTests
{
    private readonly BrowserFixture browser;

    public WaitingInfoTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    [Fact]
    [Trait("Rubric", "R22")]
    public async Task Anyone_sees_todays_slots_and_waiting_counts_and_the_board_follows_the_calls()
    {
        var clinic = await QueueStack.ClinicAsync();
        var first = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        var second = await SchedulingStack.FamilyAsync(acceptBookingAgreement: false);
        var a = await clinic.BookAsync(first.SelfId, TimeSpan.FromMinutes(5));
        var b = await clinic.BookAsync(second.SelfId, TimeSpan.FromMinutes(10));
        await clinic.CheckInByApiAsync(first.Account.AccessToken, a);
        await clinic.CheckInByApiAsync(second.Account.AccessToken, b);

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/waiting-info");
            var row = p.GetByTestId("waiting-clinic").Filter(new() { HasText = clinic.Location });
            await Expect(row.GetByTestId("waiting-count")).ToHaveTextAsync("2");
            // Remaining slots come from Scheduling's catalogue: the seeded departments show a figure for today.
            await Expect(p.GetByTestId("waiting-remaining").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("今日剩余号源 \\d+") }).First)
                .ToBeVisibleAsync();
            await Expect(p.GetByText(first.ParentName)).ToHaveCountAsync(0);
        }, "R22_waiting_info");

        await using var screen = await browser.NewContextAsync(PatientSession.Desktop);
        var board = await screen.NewPageAsync();
        await board.RunAsync(async p =>
        {
            await p.GotoAsync($"/display/{Uri.EscapeDataString(clinic.Location)}");
            var row = p.GetByTestId("display-clinic");
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.GetByTestId("display-calling")).ToHaveTextAsync("—");
            await clinic.ActAsync("call-next");
            await Expect(row.GetByTestId("display-calling")).ToHaveTextAsync("1 号", new() { Timeout = 20000 });
            await Expect(row).ToContainTextAsync("2 号");
            var text = await p.Locator("body").InnerTextAsync();
            Assert.DoesNotContain(first.ParentName, text);
        }, "R22_display_board");
    }
}
