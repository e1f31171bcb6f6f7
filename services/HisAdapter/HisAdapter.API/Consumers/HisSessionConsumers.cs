using HisAdapter.API.Application.Commands;
using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using MassTransit;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;

namespace HisAdapter.API.Consumers;

/// <summary>Staff stopped a clinic on the platform: each listed appointment is cancelled at the HIS (the same command a
/// patient's cancellation queues, so one already cancelling is not queued twice) and the session's slots are closed.
/// The order the commands run in does not matter: a cancellation frees only a slot that is busy, never a closed one.</summary>
public sealed class HisSessionStopRequestedConsumer(HisAdapterDbContext db, HisCommandQueue queue)
    : IdempotentConsumer<HisSessionStopRequestedIntegrationEvent, HisAdapterDbContext>(db)
{
    protected override async Task HandleAsync(HisSessionStopRequestedIntegrationEvent message,
        ConsumeContext<HisSessionStopRequestedIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        foreach (var appointmentId in message.AppointmentIds.Distinct())
            await queue.EnqueueCancelAsync(appointmentId, message.Reason, ct);
        await queue.EnqueueAsync(HisCommandKind.StopSession,
            CommandKeys.StopSession(HisIds.SessionKey(message.ScheduleHisId, message.Date, message.Period)),
            CommandOrder.Session(HisIds.SessionKey(message.ScheduleHisId, message.Date, message.Period)),
            new StopSessionCommand(message.ScheduleHisId, message.Date, message.Period, message.Reason), ct);
    }
}

/// <summary>Staff limited a session on the platform (临时限号): the listed free slots are closed at the HIS.</summary>
public sealed class HisSlotsCloseRequestedConsumer(HisAdapterDbContext db, HisCommandQueue queue)
    : IdempotentConsumer<HisSlotsCloseRequestedIntegrationEvent, HisAdapterDbContext>(db)
{
    protected override async Task HandleAsync(HisSlotsCloseRequestedIntegrationEvent message,
        ConsumeContext<HisSlotsCloseRequestedIntegrationEvent> context)
    {
        if (message.SlotHisIds.Count == 0) return;
        await queue.EnqueueAsync(HisCommandKind.CloseSlots, CommandKeys.CloseSlots(message.Id), CommandOrder.Slots(message.SlotHisIds),
            new CloseSlotsCommand(message.SlotHisIds, message.Reason, message.Outage), context.CancellationToken);
    }
}

/// <summary>设备恢复 on the platform: the listed slots reopen at the HIS if they are still closed for the outage.</summary>
public sealed class HisSlotsReopenRequestedConsumer(HisAdapterDbContext db, HisCommandQueue queue)
    : IdempotentConsumer<HisSlotsReopenRequestedIntegrationEvent, HisAdapterDbContext>(db)
{
    protected override async Task HandleAsync(HisSlotsReopenRequestedIntegrationEvent message,
        ConsumeContext<HisSlotsReopenRequestedIntegrationEvent> context)
    {
        if (message.SlotHisIds.Count == 0) return;
        await queue.EnqueueAsync(HisCommandKind.ReopenSlots, CommandKeys.ReopenSlots(message.Id), CommandOrder.Slots(message.SlotHisIds),
            new ReopenSlotsCommand(message.SlotHisIds, message.Reason), context.CancellationToken);
    }
}

/// <summary>Staff's 加诊: queued like every HIS write, so a HIS outage only delays it.</summary>
public sealed class HisSessionAddRequestedConsumer(HisAdapterDbContext db, HisCommandQueue queue)
    : IdempotentConsumer<HisSessionAddRequestedIntegrationEvent, HisAdapterDbContext>(db)
{
    protected override async Task HandleAsync(HisSessionAddRequestedIntegrationEvent m,
        ConsumeContext<HisSessionAddRequestedIntegrationEvent> context) =>
        await queue.EnqueueAsync(HisCommandKind.AddSession, CommandKeys.AddSession(m.RequestId), CommandOrder.SessionRequest(m.RequestId),
            new AddSessionCommand(m.RequestId, m.PractitionerHisId, m.DepartmentCode, m.Date, m.Period, m.StartsAt, m.SlotMinutes, m.Units),
            context.CancellationToken);
}
