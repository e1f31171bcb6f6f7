using HisAdapter.API.Domain;
using HisAdapter.API.Extensions;
using HisAdapter.API.Infrastructure;
using Microsoft.Extensions.Options;
using Platform.Contracts.His;
using Hl7.Fhir.Rest;
using Platform.Fhir.Client;
using Platform.Fhir.Search;
using Platform.Messaging.Outbox;

namespace HisAdapter.API.Application.Commands;

/// <summary>Books a platform appointment at the HIS. The Appointment carries our id as an identifier and is created
/// conditionally on it, so a retry after a lost answer finds the first one instead of booking twice. The HIS takes the
/// Slot atomically with the Appointment (409 when it is no longer free); a HIS that does not, gets the Slot marked busy
/// by a version-aware update (412 when someone changed it since we read it).</summary>
public sealed class BookAppointmentHandler(
    FhirClient his, HisAdapterDbContext db, IIntegrationEventOutbox outbox, IOptions<HisOptions> options, TimeProvider clock)
{
    public async Task<CommandOutcome> HandleAsync(BookAppointmentCommand command, int attempt, CancellationToken ct)
    {
        var appointment = await db.Appointments.FindAsync([command.AppointmentId], ct);
        if (appointment is null || appointment.Status != HisAppointmentStatus.AwaitingHospital) return CommandOutcome.Done;

        var link = await db.PatientLinks.FindAsync([command.PatientId], ct);
        if (link is null)
        {
            return attempt >= options.Value.MaxAttemptsWaitingForPatient
                ? Reject(appointment, "patient_not_linked", "就诊人尚未在医院建档，请稍后重试")
                : CommandOutcome.RetryLater("waiting for the patient's HIS record");
        }

        var identifier = new SearchParams().AddIdentifier(HisSystems.PlatformAppointment, command.AppointmentId.ToString());
        var earlier = (await his.SearchAsync<Appointment>(identifier, ct)).Matches<Appointment>().FirstOrDefault();
        if (earlier is { Status: not Appointment.AppointmentStatus.Cancelled })
            return Confirm(appointment, earlier.Id!);

        Slot slot;
        try
        {
            slot = await his.ReadByIdAsync<Slot>(command.SlotHisId, ct);
        }
        catch (FhirOperationException ex) when (ex.IsNotFound())
        {
            return Reject(appointment, "slot_not_found", "该号源在医院系统中不存在");
        }
        if (slot.Status != Slot.SlotStatus.Free) return Reject(appointment, "slot_taken", "该号源已被预约，请选择其他时段");

        var schedule = slot.Schedule?.IdFor("Schedule") is { } scheduleId ? await his.ReadByIdAsync<Schedule>(scheduleId, ct) : null;
        Appointment created;
        try
        {
            created = await his.ConditionalCreateAsync(AppointmentFactory.Booked(command, link.HisPatientId, slot, schedule, clock.GetUtcNow()),
                identifier, ct) ?? throw new InvalidOperationException("The HIS answered the booking without the Appointment");
        }
        catch (FhirOperationException ex) when (ex.IsConflict())
        {
            return Reject(appointment, "slot_taken", "该号源已被预约，请选择其他时段");
        }

        var outcome = await HoldSlotAsync(command.SlotHisId, ct);
        if (outcome is not null)
        {
            await his.UpdateAsync(AppointmentFactory.Cancelled(created, "号源已被占用"), versionAware: false, ct);
            return Reject(appointment, "slot_taken", "该号源已被预约，请选择其他时段");
        }
        return Confirm(appointment, created.Id!);
    }

    /// <summary>Marks the slot busy when the HIS did not do it with the booking; null when the slot is held.</summary>
    private async Task<string?> HoldSlotAsync(string slotId, CancellationToken ct)
    {
        var slot = await his.ReadByIdAsync<Slot>(slotId, ct);
        if (slot.Status != Slot.SlotStatus.Free) return null;
        slot.Status = Slot.SlotStatus.Busy;
        try
        {
            await his.UpdateAsync(slot, versionAware: true, ct);
            return null;
        }
        catch (FhirOperationException ex) when (ex.IsConflict())
        {
            return "slot_taken";
        }
    }

    private CommandOutcome Confirm(HisAppointment appointment, string hisAppointmentId)
    {
        appointment.Status = HisAppointmentStatus.Confirmed;
        appointment.HisAppointmentId = hisAppointmentId;
        appointment.UpdatedAt = clock.GetUtcNow();
        outbox.Add(new HisAppointmentConfirmedIntegrationEvent(appointment.AppointmentId, hisAppointmentId, appointment.SlotHisId));
        return CommandOutcome.Done;
    }

    private CommandOutcome Reject(HisAppointment appointment, string code, string reason)
    {
        appointment.Status = HisAppointmentStatus.Rejected;
        appointment.UpdatedAt = clock.GetUtcNow();
        outbox.Add(new HisAppointmentRejectedIntegrationEvent(appointment.AppointmentId, code, reason));
        return CommandOutcome.Refused(code);
    }
}
