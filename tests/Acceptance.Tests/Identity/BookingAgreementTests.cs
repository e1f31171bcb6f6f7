using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Identity;

/// <summary>预约服务协议 (R10): booking is blocked until the booking agreement has been read to the end and accepted.</summary>
[Collection(PagesCollection.Name)]
public sealed class BookingAgreementTests(BrowserFixture browser)
{
    [Fact]
    [Trait("Rubric", "R10")]
    public async Task The_booking_agreement_gate_blocks_until_read_and_accepted_and_then_stays_open()
    {
        var account = await IdentityApi.RegisterAsync();
        var before = await IdentityApi.GetAsync(account.AccessToken, "/api/identity/me/agreements");
        Assert.Contains(before.GetProperty("pending").EnumerateArray(), a => a.GetProperty("kind").GetString() == "booking");

        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        string? version = null;
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/");
            await p.GetByTestId("service-booking").ClickAsync();
            await Expect(p.GetByTestId("agreement-gate-booking")).ToBeVisibleAsync();
            await Expect(p.GetByTestId("booking-agreement-ok")).ToHaveCountAsync(0);
            version = await p.GetByTestId("agreement-booking").GetAttributeAsync("data-version");

            await p.AcceptAgreementAsync("booking");
            await Expect(p.GetByTestId("booking-agreement-ok")).ToBeVisibleAsync();

            await p.ReloadAsync();
            await Expect(p.GetByTestId("booking-agreement-ok")).ToBeVisibleAsync();
            await Expect(p.GetByTestId("agreement-gate-booking")).ToHaveCountAsync(0);
        });

        var after = await IdentityApi.GetAsync(account.AccessToken, "/api/identity/me/agreements");
        Assert.DoesNotContain(after.GetProperty("pending").EnumerateArray(), a => a.GetProperty("kind").GetString() == "booking");
        var accepted = Assert.Single(after.GetProperty("accepted").EnumerateArray(), a => a.GetProperty("kind").GetString() == "booking");
        Assert.Equal(version, accepted.GetProperty("version").GetString());
        Assert.Equal("h5", accepted.GetProperty("channel").GetString());
    }

    [Fact]
    [Trait("Rubric", "R10")]
    public async Task Booking_asks_a_signed_out_visitor_to_log_in_first()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/booking");
            await Expect(p.GetByTestId("login-form")).ToBeVisibleAsync();
            Assert.Matches("redirect=(%2F|/)booking", p.Url);
        });
    }
}
