using HisAdapter.API.Application.Sync;
using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;

namespace HisAdapter.API.Consumers;

/// <summary>Marks the next sync as a republish (kept in the database, so a restart does not forget it) and runs it now.</summary>
public sealed class HisResyncRequestedConsumer(HisAdapterDbContext db, SyncTrigger trigger, ILogger<HisResyncRequestedConsumer> logger)
    : IdempotentConsumer<HisResyncRequestedIntegrationEvent, HisAdapterDbContext>(db)
{
    protected override async Task HandleAsync(HisResyncRequestedIntegrationEvent message, ConsumeContext<HisResyncRequestedIntegrationEvent> context)
    {
        logger.LogInformation("{Requester} asked for the HIS reference data again", message.Requester);
        if (!await Db.SyncMarks.AnyAsync(m => m.ResourceType == ReferenceDataSync.ResyncMark, context.CancellationToken))
            Db.SyncMarks.Add(new SyncMark { ResourceType = ReferenceDataSync.ResyncMark, HighWater = message.Requester, UpdatedAt = DateTimeOffset.UtcNow });
        trigger.Nudge();
    }
}
