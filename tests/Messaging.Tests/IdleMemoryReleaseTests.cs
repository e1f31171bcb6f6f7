using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Platform.ServiceDefaults.Memory;
using Platform.Testing;

namespace Messaging.Tests;

/// <summary>Every service gives its peak memory back once per idle spell: not while it works, once after two idle
/// minutes, and again only after it has worked again.</summary>
public sealed class IdleMemoryReleaseTests
{
    [Fact]
    public async Task Memory_is_given_back_once_per_idle_spell_and_never_while_requests_arrive()
    {
        var time = new FakeTimeProvider();
        var activity = new ServiceActivity(time);
        using var release = new IdleMemoryRelease(activity, time,
            Options.Create(new IdleMemoryOptions { ReleaseAfterIdle = TimeSpan.FromMinutes(2) }), NullLogger<IdleMemoryRelease>.Instance);
        await release.StartAsync(CancellationToken.None);

        async Task<int> IdleAsync(int halfMinutes, bool working = false)
        {
            for (var i = 0; i < halfMinutes; i++)
            {
                if (working) activity.Mark();
                var checks = release.Checks;
                time.Advance(TimeSpan.FromSeconds(30));
                await Eventually.Until(() => Task.FromResult(release.Checks), n => n > checks, what: "the idle check ran");
            }
            return release.Releases;
        }

        Assert.Equal(0, await IdleAsync(10, working: true));
        // The last request came half a minute ago: 90 s idle, then the two minutes are up.
        Assert.Equal(0, await IdleAsync(2));
        Assert.Equal(1, await IdleAsync(1));
        Assert.Equal(1, await IdleAsync(8));
        activity.Mark();
        Assert.Equal(1, await IdleAsync(3));
        Assert.Equal(2, await IdleAsync(1));
        await release.StopAsync(CancellationToken.None);
    }
}
