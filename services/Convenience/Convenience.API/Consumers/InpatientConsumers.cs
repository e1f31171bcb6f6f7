using Convenience.API.Domain;
using Convenience.API.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Inpatient;
using Platform.Messaging.Inbox;

namespace Convenience.API.Consumers;

/// <summary>Keeps who is in a ward now, and where, for inpatient-only services (meals, caregivers).</summary>
public sealed class PatientAdmittedConsumer(ConvenienceDbContext db) : IdempotentConsumer<PatientAdmittedIntegrationEvent, ConvenienceDbContext>(db)
{
    protected override async Task HandleAsync(PatientAdmittedIntegrationEvent e, ConsumeContext<PatientAdmittedIntegrationEvent> context)
    {
        var row = await Db.Inpatients.SingleOrDefaultAsync(i => i.PatientId == e.PatientId, context.CancellationToken);
        if (row is null) Db.Inpatients.Add(new Inpatient { PatientId = e.PatientId, Ward = e.Ward, Bed = e.Bed, Since = e.AdmittedAt });
        else if (e.AdmittedAt >= row.Since) (row.Ward, row.Bed, row.Since) = (e.Ward, e.Bed, e.AdmittedAt);
    }
}

public sealed class BedChangedConsumer(ConvenienceDbContext db) : IdempotentConsumer<BedChangedIntegrationEvent, ConvenienceDbContext>(db)
{
    protected override async Task HandleAsync(BedChangedIntegrationEvent e, ConsumeContext<BedChangedIntegrationEvent> context)
    {
        var row = await Db.Inpatients.SingleOrDefaultAsync(i => i.PatientId == e.PatientId, context.CancellationToken);
        if (row is null) Db.Inpatients.Add(new Inpatient { PatientId = e.PatientId, Ward = e.Ward, Bed = e.Bed, Since = e.ChangedAt });
        else (row.Ward, row.Bed) = (e.Ward, e.Bed);
    }
}

public sealed class PatientDischargedConsumer(ConvenienceDbContext db) : IdempotentConsumer<PatientDischargedIntegrationEvent, ConvenienceDbContext>(db)
{
    protected override Task HandleAsync(PatientDischargedIntegrationEvent e, ConsumeContext<PatientDischargedIntegrationEvent> context) =>
        Db.Inpatients.Where(i => i.PatientId == e.PatientId && i.Since <= e.DischargedAt).ExecuteDeleteAsync(context.CancellationToken);
}
