using Microsoft.Playwright;
using Platform.Testing;

namespace Acceptance.Tests;

/// <summary>One headless Chromium (Debian's, no download) for the test collection, against the stack that
/// ./platform up started.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string EdgeUrl => TestEnvironment.EdgeUrl;

    public async Task InitializeAsync()
    {
        using (var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
        {
            try { await probe.GetAsync(EdgeUrl + "/"); }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException($"平台未运行 ({EdgeUrl})：请先执行 ./platform up", e);
            }
        }
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic",
                // A second stack's edge may sit on a port Chromium refuses by default (10080 is on its unsafe list).
                $"--explicitly-allowed-ports={new Uri(EdgeUrl).Port}"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}

/// <summary>Journeys that book, pay, queue or fault-inject the simulators (a slowed HIS, a mismatching WeChat Pay
/// notice, a refusing insurance platform): one at a time, since a fault set for one test would hit the others.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>Accounts, hospital content and page sweeps, which touch no simulator fault: they run beside the
/// <see cref="BrowserCollection"/> journeys in a Chromium of their own, halving the suite's wall time.</summary>
[CollectionDefinition(Name)]
public sealed class PagesCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-pages";
}
