using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Scheduling;
using Platform.Contracts.Triage;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;
using Triage.API.Application.PreVisit;
using Triage.API.Domain.PreVisit;
using Triage.API.Infrastructure;

namespace Triage.API.Consumers;

/// <summary>A booked visit: keep who sees whom (the doctor's care relationship for 预问诊) and, the first time, send the
/// patient the pre-visit screening form (X12). A re-booking of the same appointment moves it without a second form.</summary>
public sealed class AppointmentBookedConsumer(TriageDbContext db, IIntegrationEventOutbox outbox, TimeProvider clock)
    : IdempotentConsumer<AppointmentBookedIntegrationEvent, TriageDbContext>(db)
{
    protected override async Task HandleAsync(AppointmentBookedIntegrationEvent e, ConsumeContext<AppointmentBookedIntegrationEvent> context)
    {
        var ct = context.CancellationToken;
        var visit = await Db.Appointments.FirstOrDefaultAsync(a => a.Id == e.AppointmentId, ct);
        if (visit is null)
            Db.Appointments.Add(visit = new VisitAppointment
            {
                Id = e.AppointmentId, PatientId = e.PatientId, DepartmentName = e.DepartmentName, DoctorName = e.DoctorName,
                Location = e.Location, StartsAt = e.StartsAt,
            });
        visit.DoctorId = e.DoctorId ?? visit.DoctorId;
        visit.DepartmentName = e.DepartmentName;
        visit.DoctorName = e.DoctorName;
        visit.Location = e.Location;
        visit.StartsAt = e.StartsAt;
        visit.Cancelled = false;

        var now = clock.GetUtcNow();
        if (e.StartsAt < now || await Db.Screenings.AnyAsync(s => s.AppointmentId == e.AppointmentId, ct)) return;
        var screening = new Screening { AppointmentId = e.AppointmentId, PatientId = e.PatientId, Form = ScreeningForms.Epidemic, SentAt = now };
        Db.Screenings.Add(screening);
        outbox.Add(new PreVisitScreeningRequestedIntegrationEvent(screening.Id, e.AppointmentId, e.PatientId, ScreeningForms.EpidemicTitle,
            e.DepartmentName, e.DoctorName, e.StartsAt));
    }
}

/// <summary>A cancelled visit ends the doctor's access through it, and its screening form is no longer asked for.</summary>
public sealed class AppointmentCancelledConsumer(TriageDbContext db) : IdempotentConsumer<AppointmentCancelledIntegrationEvent, TriageDbContext>(db)
{
    protected override Task HandleAsync(AppointmentCancelledIntegrationEvent e, ConsumeContext<AppointmentCancelledIntegrationEvent> context) =>
        Db.Appointments.Where(a => a.Id == e.AppointmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Cancelled, true), context.CancellationToken);
}
