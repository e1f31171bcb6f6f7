using Platform.Contracts.His;
using Platform.Contracts.Scheduling;
using Platform.Messaging.Outbox;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Scheduling.API.Application;

/// <summary>The events each step of an appointment sends, written to the outbox with the step's own change.</summary>
public sealed class AppointmentNews(IIntegrationEventOutbox outbox, AppointmentViews views, SchedulingDbContext db)
{
    public void StatusChanged(Appointment a, string? statusText = null) =>
        outbox.Add(new AppointmentStatusChangedIntegrationEvent(a.Id, a.PatientId, a.Status, statusText ?? views.StatusTextOf(a), a.FailureReason));

    public void Requested(Appointment a) => outbox.Add(new HisAppointmentRequestedIntegrationEvent(a.Id, a.PatientId, a.UnitHisId));

    /// <summary>Carries the session's practitioner as it is now (a 替诊 moves the session to another practitioner), so the
    /// clinic's queue knows which doctor may call it.</summary>
    public async Task BookedAsync(Appointment a, CancellationToken ct)
    {
        var practitioner = await db.Sessions.Where(s => s.Id == a.SessionId).Select(s => s.PractitionerHisId).FirstOrDefaultAsync(ct);
        outbox.Add(new AppointmentBookedIntegrationEvent(a.Id, a.PatientId, a.DepartmentName, a.DoctorName, a.Location, a.StartsAt,
            a.EndsAt, a.ConfirmedByHis, practitioner));
    }

    public void Cancelled(Appointment a, string reason) =>
        outbox.Add(new AppointmentCancelledIntegrationEvent(a.Id, a.PatientId, a.DepartmentName, a.DoctorName, a.StartsAt, reason));

    public void HisCancelRequested(Appointment a, string reason) =>
        outbox.Add(new HisAppointmentCancelRequestedIntegrationEvent(a.Id, reason));

    /// <summary>Exam bookings follow the same live channel as clinic bookings (the id tells them apart).</summary>
    public void StatusChanged(ExamAppointment a) =>
        outbox.Add(new AppointmentStatusChangedIntegrationEvent(a.Id, a.PatientId, a.Status, AppointmentStatus.TextOf(a.Status), a.FailureReason));

    /// <summary>The HIS confirmed the exam: the room's queue expects the patient and the preparation notes are pushed before it.</summary>
    public async Task ExamBookedAsync(ExamAppointment a, CancellationToken ct)
    {
        var order = await db.ExamOrders.AsNoTracking().Where(o => o.Id == a.OrderId)
            .Select(o => new { o.Preparation, o.FastingRequired, o.ServiceCode }).FirstOrDefaultAsync(ct);
        var service = await (from s in db.ExamSlots join r in db.ExamRooms on s.RoomId equals r.Id where s.Id == a.SlotId select r.ServiceCode)
            .FirstOrDefaultAsync(ct);
        outbox.Add(new ExamBookedIntegrationEvent(a.Id, a.PatientId, a.ItemName, service ?? order?.ServiceCode ?? "", a.RoomName, a.Location,
            a.StartsAt, a.EndsAt, order?.Preparation ?? "", order?.FastingRequired ?? false));
    }

    public void ExamCancelled(ExamAppointment a, string reason) =>
        outbox.Add(new ExamCancelledIntegrationEvent(a.Id, a.PatientId, reason));

    public void HisCancelRequested(ExamAppointment a, string reason) =>
        outbox.Add(new HisAppointmentCancelRequestedIntegrationEvent(a.Id, reason));
}
