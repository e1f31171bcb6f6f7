using Platform.Contracts.His;
using Platform.Contracts.Scheduling;
using Platform.Messaging.Outbox;
using Scheduling.API.Domain;

namespace Scheduling.API.Application;

/// <summary>The events each step of an appointment sends, written to the outbox with the step's own change.</summary>
public sealed class AppointmentNews(IIntegrationEventOutbox outbox, AppointmentViews views)
{
    public void StatusChanged(Appointment a, string? statusText = null) =>
        outbox.Add(new AppointmentStatusChangedIntegrationEvent(a.Id, a.PatientId, a.Status, statusText ?? views.StatusTextOf(a), a.FailureReason));

    public void Requested(Appointment a) => outbox.Add(new HisAppointmentRequestedIntegrationEvent(a.Id, a.PatientId, a.UnitHisId));

    public void Booked(Appointment a) =>
        outbox.Add(new AppointmentBookedIntegrationEvent(a.Id, a.PatientId, a.DepartmentName, a.DoctorName, a.Location, a.StartsAt,
            a.EndsAt, a.ConfirmedByHis, a.DoctorId));

    public void Cancelled(Appointment a, string reason) =>
        outbox.Add(new AppointmentCancelledIntegrationEvent(a.Id, a.PatientId, a.DepartmentName, a.DoctorName, a.StartsAt, reason));

    public void HisCancelRequested(Appointment a, string reason) =>
        outbox.Add(new HisAppointmentCancelRequestedIntegrationEvent(a.Id, reason));

    /// <summary>Exam bookings follow the same live channel as clinic bookings (the id tells them apart).</summary>
    public void StatusChanged(ExamAppointment a) =>
        outbox.Add(new AppointmentStatusChangedIntegrationEvent(a.Id, a.PatientId, a.Status, AppointmentStatus.TextOf(a.Status), a.FailureReason));

    public void HisCancelRequested(ExamAppointment a, string reason) =>
        outbox.Add(new HisAppointmentCancelRequestedIntegrationEvent(a.Id, reason));
}
