using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Consultation;
using Platform.Messaging.Inbox;
using Reports.API.Domain;
using Reports.API.Infrastructure;

namespace Reports.API.Consumers;

/// <summary>Paid: the consultation's doctor may read the patient's records until it is due to end (plus a day).</summary>
public sealed class ConsultationPaidConsumer(ReportsDbContext db) : IdempotentConsumer<ConsultationPaidIntegrationEvent, ReportsDbContext>(db)
{
    /// <summary>How long an older Consultation service's event (without EndsBy) opens the records for.</summary>
    private static readonly TimeSpan DefaultLength = TimeSpan.FromDays(2);

    protected override async Task HandleAsync(ConsultationPaidIntegrationEvent e, ConsumeContext<ConsultationPaidIntegrationEvent> context)
    {
        if (await Db.ConsultationCare.AnyAsync(c => c.ConsultationId == e.ConsultationId, context.CancellationToken)) return;
        Db.ConsultationCare.Add(new ConsultationCare
        {
            ConsultationId = e.ConsultationId, PatientId = e.PatientId, PractitionerHisId = e.PractitionerHisId,
            CareUntil = (e.EndsBy ?? e.OccurredAt + DefaultLength) + ConsultationCare.AfterEnd,
        });
    }
}

/// <summary>Ended (by the doctor or at its time limit): the records stay open to that doctor for a day after.</summary>
public sealed class ConsultationEndedConsumer(ReportsDbContext db) : IdempotentConsumer<ConsultationEndedIntegrationEvent, ReportsDbContext>(db)
{
    protected override Task HandleAsync(ConsultationEndedIntegrationEvent e, ConsumeContext<ConsultationEndedIntegrationEvent> context) =>
        Db.ConsultationCare.Where(c => c.ConsultationId == e.ConsultationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CareUntil, e.EndedAt + ConsultationCare.AfterEnd), context.CancellationToken);
}
