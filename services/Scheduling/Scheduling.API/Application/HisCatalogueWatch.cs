using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.His;
using Platform.Messaging.Outbox;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Application;

/// <summary>The HIS adapter publishes reference data when it changes, so a Scheduling deployed after it (or whose queues
/// were bound after its first sync) would wait for ever on an empty catalogue: while there are no departments or no
/// slots, ask the adapter to publish everything again, every Scheduling:ResyncInterval, a bounded number of times.</summary>
public sealed class HisCatalogueWatch(
    IServiceScopeFactory scopes, IOptions<SchedulingOptions> options, ILogger<HisCatalogueWatch> logger) : BackgroundService
{
    private const int MaxRequests = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var request = 1; request <= MaxRequests && !stoppingToken.IsCancellationRequested; request++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
                if (await db.Departments.AnyAsync(stoppingToken) && await db.Slots.AnyAsync(stoppingToken)) return;
                logger.LogInformation("Scheduling has no HIS catalogue yet: asking the HIS adapter to publish it again ({Request}/{Max})", request, MaxRequests);
                scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>().Add(new HisResyncRequestedIntegrationEvent("scheduling"));
                await db.SaveChangesAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not check the HIS catalogue: {Error}", ex.Message);
            }
            await Task.Delay(options.Value.ResyncInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
