using HisAdapter.API.Domain;
using HisAdapter.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.Fhir.Client;
using Platform.Contracts.His;
using Hl7.Fhir.Rest;
using Platform.Fhir.Search;
using Platform.Messaging.Outbox;

namespace HisAdapter.API.Application.Commands;

/// <summary>Cancels the HIS Appointment (version-aware, so a concurrent HIS change is re-read rather than overwritten)
/// and makes sure its Slot is free again unless another appointment holds it.</summary>
public sealed class CancelAppointmentHandler(FhirClient his, HisAdapterDbContext db, IIntegrationEventOutbox outbox, TimeProvider clock)
{
    private static readonly string[] Holding = ["proposed", "pending", "booked", "arrived", "fulfilled", "checked-in", "waitlist"];

    public async Task<CommandOutcome> HandleAsync(CancelAppointmentCommand command, CancellationToken ct)
    {
        var appointment = await db.Appointments.FindAsync([command.AppointmentId], ct);
        if (appointment is null || appointment.Status is HisAppointmentStatus.Cancelled or HisAppointmentStatus.Rejected)
            return CommandOutcome.Done;

        if (appointment.Status == HisAppointmentStatus.AwaitingHospital)
        {
            // Cancelled before the HIS ever heard of it: the booking must not go out any more.
            var booking = await db.Commands.FirstOrDefaultAsync(c => c.CommandKey == CommandKeys.Book(command.AppointmentId), ct);
            if (booking is { Status: HisCommandStatus.Pending })
            {
                booking.Status = HisCommandStatus.Done;
                booking.LastError = "cancelled before it reached the HIS";
                booking.CompletedAt = clock.GetUtcNow();
            }
        }
        else if (appointment.HisAppointmentId is { } hisId)
        {
            var current = await his.ReadByIdAsync<Appointment>(hisId, ct);
            if (current.Status != Appointment.AppointmentStatus.Cancelled)
            {
                try
                {
                    await his.UpdateAsync(AppointmentFactory.Cancelled(current, command.Reason), versionAware: true, ct);
                }
                catch (FhirOperationException ex) when (ex.Status == System.Net.HttpStatusCode.PreconditionFailed)
                {
                    return CommandOutcome.RetryLater("the HIS changed the appointment meanwhile");
                }
            }
            await FreeSlotAsync(appointment.SlotHisId, ct);
        }

        appointment.Status = HisAppointmentStatus.Cancelled;
        appointment.UpdatedAt = clock.GetUtcNow();
        outbox.Add(new HisAppointmentCancelledIntegrationEvent(appointment.AppointmentId, appointment.HisAppointmentId));
        return CommandOutcome.Done;
    }

    private async Task FreeSlotAsync(string slotId, CancellationToken ct)
    {
        var slot = await his.ReadByIdAsync<Slot>(slotId, ct);
        if (slot.Status != Slot.SlotStatus.Busy) return;
        var holders = await his.SearchAsync<Appointment>(
            new SearchParams().AddReference("slot", "Slot", slotId).AddAnyOf("status", Holding), ct);
        if (holders.Matches<Appointment>().Any()) return;
        slot.Status = Slot.SlotStatus.Free;
        try
        {
            await his.UpdateAsync(slot, versionAware: true, ct);
        }
        catch (FhirOperationException ex) when (ex.IsConflict())
        {
            // Someone changed the slot since we read it (likely booked it): theirs is the newer truth.
        }
    }
}
