using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Scheduling;
using Platform.Messaging.Inbox;
using Queue.API.Application;
using Queue.API.Domain;
using Queue.API.Infrastructure;

namespace Queue.API.Consumers;

/// <summary>Keeps our copy of each booked clinic visit (a re-booking moves it) and makes sure its clinic's queue exists, so
/// the doctor sees today's clinics before anyone checks in.</summary>
public sealed class AppointmentBookedConsumer(QueueDbContext db) : IdempotentConsumer<AppointmentBookedIntegrationEvent, QueueDbContext>(db)
{
    protected override async Task HandleAsync(AppointmentBookedIntegrationEvent e, ConsumeContext<AppointmentBookedIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        var day = ClinicDay.Of(e.StartsAt);
        var queueId = await QueueOpening.EnsureAsync(Db, QueueKind.Clinic, day, e.DepartmentName, e.DoctorName, e.Location, ct);
        // The latest booking names the session's practitioner as it is now; an event without one changes nothing.
        if (e.PractitionerHisId is { Length: > 0 } practitioner)
            await Db.Queues.Where(q => q.Id == queueId && (q.PractitionerHisId == null || q.PractitionerHisId != practitioner))
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.PractitionerHisId, practitioner), ct);
        var appointment = await Db.Appointments.SingleOrDefaultAsync(a => a.Id == e.AppointmentId, ct);
        if (appointment is null)
            Db.Appointments.Add(new VisitAppointment { Id = e.AppointmentId, PatientId = e.PatientId, QueueId = queueId, StartsAt = e.StartsAt });
        else
        {
            appointment.QueueId = queueId;
            appointment.StartsAt = e.StartsAt;
            appointment.Cancelled = false;
        }
    }
}

/// <summary>A cancelled visit can no longer be checked in; a ticket already taken for it leaves the line.</summary>
public sealed class AppointmentCancelledConsumer(QueueDbContext db, QueueLines lines, QueueNews news)
    : IdempotentConsumer<AppointmentCancelledIntegrationEvent, QueueDbContext>(db)
{
    protected override Task HandleAsync(AppointmentCancelledIntegrationEvent e, ConsumeContext<AppointmentCancelledIntegrationEvent> context) =>
        AppointmentWithdrawal.WithdrawAsync(Db, lines, news, e.AppointmentId, context.CancellationToken);
}

internal static class AppointmentWithdrawal
{
    public static async Task WithdrawAsync(QueueDbContext db, QueueLines lines, QueueNews news, Guid appointmentId, CancellationToken ct)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (appointment is null) return;
        appointment.Cancelled = true;
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.AppointmentId == appointmentId && t.Status == TicketStatus.Waiting, ct);
        if (ticket is null) return;
        var queue = await lines.LockAsync(ticket.QueueId, ct);
        ticket.Status = TicketStatus.Withdrawn;
        await db.SaveChangesAsync(ct);
        var calling = queue.CallingTicketId is { } id ? await db.Tickets.SingleAsync(t => t.Id == id, ct) : null;
        news.Changed(queue, "withdrawn", await lines.WaitingAsync(queue.Id, ct), calling, [ticket.PatientId]);
    }
}
