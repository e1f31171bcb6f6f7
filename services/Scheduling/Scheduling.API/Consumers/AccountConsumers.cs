using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Identity;
using Platform.Messaging.Inbox;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Consumers;

/// <summary>Which patients (就诊人) an account may book for, as Identity announces them.</summary>
public sealed class PatientRegisteredConsumer(SchedulingDbContext db)
    : IdempotentConsumer<PatientRegisteredIntegrationEvent, SchedulingDbContext>(db)
{
    protected override async Task HandleAsync(PatientRegisteredIntegrationEvent e, ConsumeContext<PatientRegisteredIntegrationEvent> context)
    {
        if (!await Db.PatientLinks.AnyAsync(l => l.AccountId == e.AccountId && l.PatientId == e.PatientId, context.CancellationToken))
            Db.PatientLinks.Add(new PatientLink { AccountId = e.AccountId, PatientId = e.PatientId });
    }
}

public sealed class PatientRemovedConsumer(SchedulingDbContext db)
    : IdempotentConsumer<PatientRemovedIntegrationEvent, SchedulingDbContext>(db)
{
    protected override Task HandleAsync(PatientRemovedIntegrationEvent e, ConsumeContext<PatientRemovedIntegrationEvent> context) =>
        Db.PatientLinks.Where(l => l.AccountId == e.AccountId && l.PatientId == e.PatientId).ExecuteDeleteAsync(context.CancellationToken);
}

public sealed class AccountClosedConsumer(SchedulingDbContext db)
    : IdempotentConsumer<AccountClosedIntegrationEvent, SchedulingDbContext>(db)
{
    protected override async Task HandleAsync(AccountClosedIntegrationEvent e, ConsumeContext<AccountClosedIntegrationEvent> context)
    {
        await Db.PatientLinks.Where(l => l.AccountId == e.AccountId).ExecuteDeleteAsync(context.CancellationToken);
        await Db.Agreements.Where(a => a.AccountId == e.AccountId).ExecuteDeleteAsync(context.CancellationToken);
    }
}

/// <summary>R10: an account books only after accepting the booking agreement; the latest accepted version is kept.</summary>
public sealed class AgreementAcceptedConsumer(SchedulingDbContext db)
    : IdempotentConsumer<AgreementAcceptedIntegrationEvent, SchedulingDbContext>(db)
{
    protected override async Task HandleAsync(AgreementAcceptedIntegrationEvent e, ConsumeContext<AgreementAcceptedIntegrationEvent> context)
    {
        if (e.Kind != AgreementAcceptance.Booking) return;
        var acceptance = await Db.Agreements.FirstOrDefaultAsync(a => a.AccountId == e.AccountId && a.Kind == e.Kind, context.CancellationToken);
        if (acceptance is null)
            Db.Agreements.Add(new AgreementAcceptance { AccountId = e.AccountId, Kind = e.Kind, Version = e.Version, AcceptedAt = e.OccurredAt });
        else if (e.OccurredAt >= acceptance.AcceptedAt)
        {
            acceptance.Version = e.Version;
            acceptance.AcceptedAt = e.OccurredAt;
        }
    }
}
