
namespace HisAdapter.API.Application.Commands;

public static class AppointmentFactory
{
    public static Appointment Booked(BookAppointmentCommand command, string hisPatientId, Slot slot, Schedule? schedule, DateTimeOffset now)
    {
        var participants = new List<Appointment.ParticipantComponent>
        {
            new() { Actor = Reference.To("Patient", hisPatientId), Required = "required", Status = "accepted" },
        };
        participants.AddRange(schedule?.Actor.Where(a => a.IdFor("Practitioner") is not null || a.IdFor("Location") is not null)
            .Select(a => new Appointment.ParticipantComponent
            {
                Actor = new Reference { Value = a.Value, Display = a.Display },
                Required = "required",
                Status = "accepted",
            }) ?? []);
        return new Appointment
        {
            Identifier = [Identifier.Of(HisSystems.PlatformAppointment, command.AppointmentId.ToString())],
            Status = "booked",
            ServiceType = slot.ServiceType,
            Specialty = slot.Specialty,
            AppointmentType = new CodeableConcept
            {
                Coding = [Coding.Of("http://terminology.hl7.org/CodeSystem/v2-0276", "ROUTINE", "Routine appointment - default if not valued")],
                Text = "门诊预约",
            },
            Description = "互联网医院预约挂号",
            Start = slot.Start,
            End = slot.End,
            Slot = [Reference.To("Slot", slot.Id!)],
            Created = FhirDateTime.From(now.ToOffset(HisSystems.Shanghai)),
            Comment = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
            Participant = participants,
        };
    }

    public static Appointment Cancelled(Appointment appointment, string reason)
    {
        appointment.Status = "cancelled";
        appointment.CancelationReason = new CodeableConcept
        {
            Coding = [Coding.Of("http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason", "pat", "Patient")],
            Text = reason,
        };
        return appointment;
    }
}
