using HisAdapter.API.Application.Commands;
using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using MassTransit;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;

namespace HisAdapter.API.Consumers;

/// <summary>Records the booking as 等待医院确认 and queues it for the HIS; one per appointment id.</summary>
public sealed class HisAppointmentRequestedConsumer(HisAdapterDbContext db, HisCommandQueue queue, TimeProvider clock)
    : IdempotentConsumer<HisAppointmentRequestedIntegrationEvent, HisAdapterDbContext>(db)
{
    protected override async Task HandleAsync(HisAppointmentRequestedIntegrationEvent message, ConsumeContext<HisAppointmentRequestedIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        if (await Db.Appointments.FindAsync([message.AppointmentId], ct) is not null) return;
        Db.Appointments.Add(new HisAppointment
        {
            AppointmentId = message.AppointmentId,
            PatientId = message.PatientId,
            SlotHisId = message.SlotHisId,
            Status = HisAppointmentStatus.AwaitingHospital,
            UpdatedAt = clock.GetUtcNow(),
        });
        await queue.EnqueueAsync(HisCommandKind.BookAppointment, CommandKeys.Book(message.AppointmentId),
            new BookAppointmentCommand(message.AppointmentId, message.PatientId, message.SlotHisId, message.Note, message.OrderHisId), ct);
    }
}
