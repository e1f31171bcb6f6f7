using Identity.API.Application;
using Identity.API.Infrastructure;
using Microsoft.Extensions.Options;
using Platform.Persistence;

namespace Identity.API.Infrastructure.Keys;

/// <summary>Loads the ring before the first request (runs with the seeders, after migrations).</summary>
internal sealed class SigningKeySeeder(SigningKeyRing ring) : ISeeder<IdentityDbContext>
{
    public Task SeedAsync(IdentityDbContext db, CancellationToken ct) => ring.RefreshAsync(ct);
}

/// <summary>Picks up keys other replicas created and rotates when due.</summary>
internal sealed class SigningKeyRefresher(SigningKeyRing ring, IOptions<IdentityServiceOptions> options, TimeProvider clock,
    ILogger<SigningKeyRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.KeyRefreshInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ring.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Signing key refresh failed; keeping the loaded keys");
            }
        }
    }
}
