using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Consultation;
using Platform.Contracts.His;
using Platform.Messaging.Inbox;
using Triage.API.Domain.PreVisit;
using Triage.API.Infrastructure;

namespace Triage.API.Consumers;

/// <summary>A paid online consultation is a visit for 预问诊: its doctor reads the patient's pre-consultation summary
/// beside the chat, keyed by the consultation's id, until it is due to end (plus a day to write the note).</summary>
public sealed class ConsultationPaidConsumer(TriageDbContext db) : IdempotentConsumer<ConsultationPaidIntegrationEvent, TriageDbContext>(db)
{
    public const string Location = "互联网医院";
    public static readonly TimeSpan AfterEnd = TimeSpan.FromDays(1);
    private static readonly TimeSpan DefaultLength = TimeSpan.FromDays(2);

    protected override async Task HandleAsync(ConsultationPaidIntegrationEvent e, ConsumeContext<ConsultationPaidIntegrationEvent> context)
    {
        if (await Db.Appointments.AnyAsync(a => a.Id == e.ConsultationId, context.CancellationToken)) return;
        Db.Appointments.Add(new VisitAppointment
        {
            Id = e.ConsultationId, PatientId = e.PatientId, DoctorId = HisIds.Doctor(e.PractitionerHisId),
            DepartmentName = e.DepartmentName, DoctorName = e.DoctorName, Location = Location, StartsAt = e.OccurredAt,
            CareUntil = (e.EndsBy ?? e.OccurredAt + DefaultLength) + AfterEnd,
        });
    }
}

/// <summary>An ended consultation keeps its summary open to the doctor for a day after.</summary>
public sealed class ConsultationEndedConsumer(TriageDbContext db) : IdempotentConsumer<ConsultationEndedIntegrationEvent, TriageDbContext>(db)
{
    protected override Task HandleAsync(ConsultationEndedIntegrationEvent e, ConsumeContext<ConsultationEndedIntegrationEvent> context) =>
        Db.Appointments.Where(a => a.Id == e.ConsultationId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CareUntil, e.EndedAt + ConsultationPaidConsumer.AfterEnd), context.CancellationToken);
}
