using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.His;
using Platform.Messaging.Outbox;

namespace Identity.API.Application.Clinicians;

/// <summary>The HIS adapter publishes practitioners when they change, so an Identity whose queue was bound after the
/// first sync would have an empty directory for ever: while it is empty, ask the adapter to publish everything again,
/// a bounded number of times (Scheduling's HisCatalogueWatch does the same for its catalogue).</summary>
public sealed class PractitionerDirectoryWatch(IServiceScopeFactory scopes, IConfiguration config, ILogger<PractitionerDirectoryWatch> logger)
    : BackgroundService
{
    private const int MaxRequests = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = config.GetValue("Identity:PractitionerResyncInterval", TimeSpan.FromMinutes(1));
        for (var request = 1; request <= MaxRequests && !stoppingToken.IsCancellationRequested; request++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
                if (await db.Practitioners.AnyAsync(stoppingToken)) return;
                logger.LogInformation("Identity has no HIS practitioners yet: asking the HIS adapter to publish them again ({Request}/{Max})", request, MaxRequests);
                scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>().Add(new HisResyncRequestedIntegrationEvent("identity"));
                await db.SaveChangesAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not check the practitioner directory: {Error}", ex.Message);
            }
            await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
