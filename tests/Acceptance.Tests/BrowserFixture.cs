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

/// <summary>Journeys that book, pay and queue (clinic care: booking, payment, queues, triage, WeChat). Beside the other
/// collections, each in a Chromium of its own.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>Accounts, hospital content and page sweeps.</summary>
[CollectionDefinition(Name)]
public sealed class PagesCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-pages";
}

/// <summary>Journeys of the services around the visit: records, pharmacy, consultation, follow-up, convenience and the
/// exam and pharmacy queues.</summary>
[CollectionDefinition(Name)]
public sealed class ServicesCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-services";
}

/// <summary>Tests that inject faults into a simulator every journey shares (a slowed HIS, a mismatching WeChat Pay notice,
/// a refusing insurance platform): xUnit runs this collection alone, after all the others, so a fault set here never
/// hits another test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-faults";
}
