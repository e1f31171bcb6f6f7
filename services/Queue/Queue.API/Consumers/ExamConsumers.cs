using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Scheduling;
using Platform.Messaging.Inbox;
using Queue.API.Application;
using Queue.API.Domain;
using Queue.API.Infrastructure;

namespace Queue.API.Consumers;

/// <summary>A confirmed exam booking: the room's queue for that day (the blood-draw station for blood tests) expects the
/// patient, who checks in there as at a clinic; its preparation notes wait for <see cref="ExamPreparationWorker"/>.</summary>
public sealed class ExamBookedConsumer(QueueDbContext db) : IdempotentConsumer<ExamBookedIntegrationEvent, QueueDbContext>(db)
{
    protected override async Task HandleAsync(ExamBookedIntegrationEvent e, ConsumeContext<ExamBookedIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        var kind = e.ServiceCode == ExamBookedIntegrationEvent.BloodDraw ? QueueKind.BloodDraw : QueueKind.Exam;
        var service = kind == QueueKind.BloodDraw ? "采血" : "检查";
        var queueId = await QueueOpening.EnsureAsync(Db, kind, ClinicDay.Of(e.StartsAt), service, e.RoomName, e.Location, ct);
        var appointment = await Db.Appointments.SingleOrDefaultAsync(a => a.Id == e.AppointmentId, ct);
        if (appointment is null)
        {
            appointment = new VisitAppointment { Id = e.AppointmentId, PatientId = e.PatientId, QueueId = queueId, StartsAt = e.StartsAt };
            Db.Appointments.Add(appointment);
        }
        appointment.QueueId = queueId;
        if (appointment.StartsAt != e.StartsAt) appointment.PreparationSentAt = null;
        appointment.StartsAt = e.StartsAt;
        appointment.Cancelled = false;
        appointment.ItemName = e.ItemName;
        appointment.Preparation = string.IsNullOrWhiteSpace(e.Preparation) ? null : e.Preparation.Trim();
    }
}

/// <summary>A cancelled exam can no longer be checked in, its preparation notes are not sent, and a waiting ticket leaves the line.</summary>
public sealed class ExamCancelledConsumer(QueueDbContext db, QueueLines lines, QueueNews news)
    : IdempotentConsumer<ExamCancelledIntegrationEvent, QueueDbContext>(db)
{
    protected override Task HandleAsync(ExamCancelledIntegrationEvent e, ConsumeContext<ExamCancelledIntegrationEvent> context) =>
        AppointmentWithdrawal.WithdrawAsync(Db, lines, news, e.AppointmentId, context.CancellationToken);
}
