using Acceptance.Tests.Identity;
using Microsoft.Playwright;
using Platform.Testing;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.ElderMode;

/// <summary>长辈模式 (X06): switched on from 我的 or 首页, kept by the account, and honoured by every page of the patient app
/// through the app frame and theme — large type, big touch targets, high contrast, labelled controls.</summary>
[Collection(PagesCollection.Name)]
public sealed class ElderModeTests(BrowserFixture browser)
{
    // Password hashing on a loaded two-core machine can take longer than Playwright's default five seconds.
    private static readonly LocatorAssertionsToHaveTextOptions SignInTimeout = new() { Timeout = 30_000 };

    [Fact]
    [Trait("Rubric", "X06")]
    public async Task Elder_mode_switched_on_from_mine_survives_a_reload_and_a_sign_in_on_another_device()
    {
        var account = await IdentityApi.RegisterAsync();
        await using (var context = await browser.SignedInContextAsync(account))
        {
            var page = await context.NewPageAsync();
            await page.RunAsync(async p =>
            {
                await p.GotoAsync("/mine");
                var toggle = p.GetByTestId("elder-mode-switch");
                await Expect(toggle).ToHaveAttributeAsync("aria-checked", "false");
                Assert.False(await p.IsElderModeAsync());
                // The yardsticks fail in standard mode, so passing them below is elder mode's doing.
                await Assert.ThrowsAsync<TrueException>(() => Accessibility.AssertBodyTextAtLeastAsync(p, 18));

                await toggle.ClickAsync();
                await Expect(toggle).ToHaveAttributeAsync("aria-checked", "true");
                await Expect(p.Locator("html")).ToHaveAttributeAsync("data-elder-mode", "");
                await Eventually.Until(() => ElderModePages.AccountElderModeAsync(account), on => on, what: "长辈模式保存到账号");

                await p.ReloadAsync();
                Assert.True(await p.IsElderModeAsync());
                await Expect(p.GetByTestId("elder-mode-switch")).ToHaveAttributeAsync("aria-checked", "true");
                await Accessibility.AssertElderFriendlyAsync(p);
            });
        }

        // A fresh browser (no local setting) signing in to the account gets elder mode from the account.
        await using var fresh = await browser.NewContextAsync();
        var other = await fresh.NewPageAsync();
        await other.RunAsync(async p =>
        {
            await p.GotoAsync("/account");
            Assert.False(await p.IsElderModeAsync());
            await p.Input("login-username").FillAsync(account.Username);
            await p.Input("login-password").FillAsync(account.Password);
            await p.GetByTestId("login-submit").ClickAsync();
            await Expect(p.GetByTestId("account-username")).ToHaveTextAsync(account.Username, SignInTimeout);
            await Expect(p.Locator("html")).ToHaveAttributeAsync("data-elder-mode", "");
            await Expect(p.GetByTestId("elder-mode-switch")).ToHaveAttributeAsync("aria-checked", "true");
            Assert.Equal("on", await p.LocalStorageAsync(ElderModePages.DeviceKey));
        }, "Elder_mode_on_another_device");
    }

    [Fact]
    [Trait("Rubric", "X06")]
    public async Task A_guest_switches_elder_mode_on_the_home_page_and_the_account_keeps_it_after_sign_in()
    {
        var account = await IdentityApi.RegisterAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/");
            var grid = p.GetByTestId("scene-basic").Locator(".van-grid-item");
            Assert.Equal(4, await ItemsInFirstRowAsync(grid));

            var button = p.GetByTestId("elder-mode-button");
            await Expect(button).ToHaveAttributeAsync("aria-pressed", "false");
            await button.ClickAsync();
            await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(p.Locator("html")).ToHaveAttributeAsync("data-elder-mode", "");
            // Fewer items per screen: four services a row become three.
            Assert.Equal(3, await ItemsInFirstRowAsync(grid));

            await p.GotoAsync("/account");
            Assert.True(await p.IsElderModeAsync());
            await p.Input("login-username").FillAsync(account.Username);
            await p.Input("login-password").FillAsync(account.Password);
            await p.GetByTestId("login-submit").ClickAsync();
            await Expect(p.GetByTestId("account-username")).ToHaveTextAsync(account.Username, SignInTimeout);
            await Eventually.Until(() => ElderModePages.AccountElderModeAsync(account), on => on, what: "访客选择的长辈模式带入账号");

            // Switched off on the home page, it is off for the account too.
            await p.GotoAsync("/");
            await p.GetByTestId("elder-mode-button").ClickAsync();
            await Expect(p.Locator("html")).Not.ToHaveAttributeAsync("data-elder-mode", "");
            await Eventually.Until(() => ElderModePages.AccountElderModeAsync(account), on => !on, what: "关闭长辈模式保存到账号");
        });
    }

    private static Task<int> ItemsInFirstRowAsync(ILocator items) =>
        items.EvaluateAllAsync<int>("els => els.filter(e => Math.abs(e.getBoundingClientRect().top - els[0].getBoundingClientRect().top) < 2).length");
}
