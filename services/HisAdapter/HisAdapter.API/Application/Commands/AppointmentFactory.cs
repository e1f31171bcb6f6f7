namespace HisAdapter.API.Application.Commands;

public static class AppointmentFactory
{
    public static Appointment Booked(BookAppointmentCommand command, string hisPatientId, Slot slot, Schedule? schedule, DateTimeOffset now)
    {
        var participants = new List<Appointment.ParticipantComponent>
        {
            Participant(FhirHelpers.Ref("Patient", hisPatientId)),
        };
        participants.AddRange(schedule?.Actor.Where(a => a.IdFor("Practitioner") is not null || a.IdFor("Location") is not null)
            .Select(a => Participant(new ResourceReference(a.Reference, a.Display))) ?? []);
        var exam = command.OrderHisId is not null;
        return new Appointment
        {
            Identifier = [new Identifier(HisSystems.PlatformAppointment, command.AppointmentId.ToString())],
            BasedOn = exam ? [FhirHelpers.Ref("ServiceRequest", command.OrderHisId!)] : [],
            Status = Appointment.AppointmentStatus.Booked,
            ServiceType = slot.ServiceType.Select(c => (CodeableConcept)c.DeepCopy()).ToList(),
            Specialty = slot.Specialty.Select(c => (CodeableConcept)c.DeepCopy()).ToList(),
            AppointmentType = new CodeableConcept
            {
                Coding = [new Coding("http://terminology.hl7.org/CodeSystem/v2-0276", "ROUTINE", "Routine appointment - default if not valued")],
                Text = exam ? "检查预约" : "门诊预约",
            },
            Description = exam ? "互联网医院检查检验预约" : "互联网医院预约挂号",
            StartElement = (Instant?)slot.StartElement?.DeepCopy(),
            EndElement = (Instant?)slot.EndElement?.DeepCopy(),
            Slot = [FhirHelpers.Ref("Slot", slot.Id!)],
            CreatedElement = new FhirDateTime(now.ToOffset(HisSystems.Shanghai)),
            Comment = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
            Participant = participants,
        };
    }

    public static Appointment Cancelled(Appointment appointment, string reason)
    {
        appointment.Status = Appointment.AppointmentStatus.Cancelled;
        appointment.CancelationReason = new CodeableConcept
        {
            Coding = [new Coding("http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason", "pat", "Patient")],
            Text = reason,
        };
        return appointment;
    }

    private static Appointment.ParticipantComponent Participant(ResourceReference actor) => new()
    {
        Actor = actor,
        Required = Appointment.ParticipantRequired.Required,
        Status = ParticipationStatus.Accepted,
    };
}
