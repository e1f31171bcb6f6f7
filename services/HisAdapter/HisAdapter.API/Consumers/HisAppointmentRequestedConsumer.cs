using HisAdapter.API.Application.Commands;
using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
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
        // Events of different types may overtake each other: a cancellation (by the patient, or with a clinic staff
        // stopped) that got here first means the HIS must never hear of this booking.
        var cancelKey = CommandKeys.Cancel(message.AppointmentId);
        var cancelled = await Db.Commands.AnyAsync(c => c.CommandKey == cancelKey, ct);
        Db.Appointments.Add(new HisAppointment
        {
            AppointmentId = message.AppointmentId,
            PatientId = message.PatientId,
            SlotHisId = message.SlotHisId,
            Status = cancelled ? HisAppointmentStatus.Cancelled : HisAppointmentStatus.AwaitingHospital,
            UpdatedAt = clock.GetUtcNow(),
        });
        if (cancelled) return;
        await queue.EnqueueAsync(HisCommandKind.BookAppointment, CommandKeys.Book(message.AppointmentId), CommandOrder.Slot(message.SlotHisId),
            new BookAppointmentCommand(message.AppointmentId, message.PatientId, message.SlotHisId, message.Note, message.OrderHisId), ct);
    }
}
