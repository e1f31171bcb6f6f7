using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Identity;
using Platform.Messaging.Inbox;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Consumers;

/// <summary>A closed account's booking-agreement acceptances go with it (its patient links go through
/// Platform.Messaging's patient-link consumers).</summary>
public sealed class AgreementsAccountClosedConsumer(SchedulingDbContext db)
    : IdempotentConsumer<AccountClosedIntegrationEvent, SchedulingDbContext>(db)
{
    protected override Task HandleAsync(AccountClosedIntegrationEvent e, ConsumeContext<AccountClosedIntegrationEvent> context) =>
        Db.Agreements.Where(a => a.AccountId == e.AccountId).ExecuteDeleteAsync(context.CancellationToken);
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
