using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Platform.Testing;

namespace Acceptance.Tests;

/// <summary>Opens a page the way a person would see it (a phone for patients, a desktop for staff), and keeps a
/// screenshot under artifacts/screenshots when the test body fails.</summary>
public static class PatientSession
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    public static async Task<IBrowserContext> NewContextAsync(this BrowserFixture fixture, ViewportSize? viewport = null,
        IReadOnlyDictionary<string, string>? localStorage = null, bool bypassCsp = false)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.EdgeUrl,
            ViewportSize = viewport ?? Phone,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            IsMobile = viewport is null,
            HasTouch = viewport is null,
            BypassCSP = bypassCsp,
        });
        if (localStorage is { Count: > 0 })
        {
            // Init scripts run on every navigation: seed once per tab, or a test's own logout would be undone.
            var items = string.Join(";", localStorage.Select(kv =>
                $"window.localStorage.setItem({System.Text.Json.JsonSerializer.Serialize(kv.Key)},{System.Text.Json.JsonSerializer.Serialize(kv.Value)})"));
            await context.AddInitScriptAsync(
                $"if (!window.sessionStorage.getItem('platform.test.seeded')) {{ {items}; window.sessionStorage.setItem('platform.test.seeded', '1'); }}");
        }
        return context;
    }

    public static async Task RunAsync(this IPage page, Func<IPage, Task> body, [CallerMemberName] string test = "")
    {
        try
        {
            await body(page);
        }
        catch
        {
            var dir = Path.Combine(TestEnvironment.Artifacts, "screenshots");
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, $"{test}.png"), FullPage = true });
            throw;
        }
    }
}
