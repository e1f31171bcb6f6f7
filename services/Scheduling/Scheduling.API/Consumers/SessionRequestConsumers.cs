using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;
using Scheduling.API.Application;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Consumers;

/// <summary>The HIS created the added session (加诊): the request is done; its units arrive with the slot sync, which may
/// come before or after this answer, and the offer worker then serves the doctor's waitlists that day.</summary>
public sealed class HisSessionAddedConsumer(SchedulingDbContext db, TimeProvider clock, OfferSignal signal)
    : IdempotentConsumer<HisSessionAddedIntegrationEvent, SchedulingDbContext>(db)
{
    protected override async Task HandleAsync(HisSessionAddedIntegrationEvent e, ConsumeContext<HisSessionAddedIntegrationEvent> context)
    {
        var request = await Db.SessionRequests.FirstOrDefaultAsync(r => r.Id == e.RequestId, context.CancellationToken);
        if (request is null || request.Answered) return;
        request.Accept(e.ScheduleHisId, clock.GetUtcNow());
        signal.Nudge();
    }
}

/// <summary>The HIS would not create it: staff see 医院未受理 with the HIS's reason.</summary>
public sealed class HisSessionAddRefusedConsumer(SchedulingDbContext db, TimeProvider clock)
    : IdempotentConsumer<HisSessionAddRefusedIntegrationEvent, SchedulingDbContext>(db)
{
    protected override async Task HandleAsync(HisSessionAddRefusedIntegrationEvent e, ConsumeContext<HisSessionAddRefusedIntegrationEvent> context)
    {
        var request = await Db.SessionRequests.FirstOrDefaultAsync(r => r.Id == e.RequestId, context.CancellationToken);
        if (request is null || request.Answered) return;
        var reason = string.IsNullOrWhiteSpace(e.Reason) ? "医院系统未说明原因" : e.Reason.Trim();
        request.Refuse(reason.Length > 300 ? reason[..300] : reason, clock.GetUtcNow());
    }
}
