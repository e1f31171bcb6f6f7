using Consultation.API.Extensions;
using Consultation.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.His;
using Platform.Messaging.Outbox;

namespace Consultation.API.Application;

/// <summary>The HIS adapter publishes its doctors and departments when they change, so a Consultation deployed after it
/// would never learn them: while either is empty, ask the adapter to publish everything again, a bounded number of times.</summary>
public sealed class HisRosterWatch(IServiceScopeFactory scopes, IOptions<ConsultationOptions> options, ILogger<HisRosterWatch> logger)
    : BackgroundService
{
    private const int MaxRequests = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var request = 1; request <= MaxRequests && !stoppingToken.IsCancellationRequested; request++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ConsultationDbContext>();
                if (await db.Doctors.AnyAsync(stoppingToken) && await db.Departments.AnyAsync(stoppingToken)) return;
                logger.LogInformation("Consultation has no HIS roster yet: asking the HIS adapter to publish it again ({Request}/{Max})", request, MaxRequests);
                scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>().Add(new HisResyncRequestedIntegrationEvent("consultation"));
                await db.SaveChangesAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not check the HIS roster: {Error}", ex.Message);
            }
            await Task.Delay(options.Value.ResyncInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
