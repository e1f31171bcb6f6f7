using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Scheduling;
using Platform.Messaging.Inbox;
using Scheduling.API.Application;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Consumers;

/// <summary>停诊 pushed by the HIS (the adapter names the session by <c>HisIds.SessionKey</c>): the same stop as staff's,
/// rebooking offers included, without asking the HIS again; Notification tells the patients from the same event.
/// Scheduling's own ClinicStopped (named by session id) finds no session key and changes nothing.</summary>
public sealed class ClinicStoppedConsumer(SchedulingDbContext db, StaffActions staff, OfferSignal signal)
    : IdempotentConsumer<ClinicStoppedIntegrationEvent, SchedulingDbContext>(db)
{
    protected override async Task HandleAsync(ClinicStoppedIntegrationEvent e, ConsumeContext<ClinicStoppedIntegrationEvent> context)
    {
        var session = await Db.Sessions.FirstOrDefaultAsync(s => s.SessionKey == e.SessionId, context.CancellationToken);
        if (session is null || session.Stopped) return;
        await staff.StopSessionAsync(session, string.IsNullOrWhiteSpace(e.Reason) ? "医生停诊" : e.Reason, context.CancellationToken);
        signal.Nudge();
    }
}
