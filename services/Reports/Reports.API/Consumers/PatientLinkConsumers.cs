using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Identity;
using Platform.Messaging.Inbox;
using Reports.API.Domain;
using Reports.API.Infrastructure;

namespace Reports.API.Consumers;

/// <summary>Whose records an account may read, as Identity announces its patients (就诊人).</summary>
public sealed class PatientRegisteredConsumer(ReportsDbContext db) : IdempotentConsumer<PatientRegisteredIntegrationEvent, ReportsDbContext>(db)
{
    protected override Task HandleAsync(PatientRegisteredIntegrationEvent e, ConsumeContext<PatientRegisteredIntegrationEvent> context) =>
        Db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO patient_links (account_id, patient_id) VALUES ({e.AccountId}, {e.PatientId}) ON CONFLICT DO NOTHING", context.CancellationToken);
}

public sealed class PatientRemovedConsumer(ReportsDbContext db) : IdempotentConsumer<PatientRemovedIntegrationEvent, ReportsDbContext>(db)
{
    protected override Task HandleAsync(PatientRemovedIntegrationEvent e, ConsumeContext<PatientRemovedIntegrationEvent> context) =>
        Db.Set<PatientLink>().Where(l => l.AccountId == e.AccountId && l.PatientId == e.PatientId).ExecuteDeleteAsync(context.CancellationToken);
}

public sealed class AccountClosedConsumer(ReportsDbContext db) : IdempotentConsumer<AccountClosedIntegrationEvent, ReportsDbContext>(db)
{
    protected override Task HandleAsync(AccountClosedIntegrationEvent e, ConsumeContext<AccountClosedIntegrationEvent> context) =>
        Db.Set<PatientLink>().Where(l => l.AccountId == e.AccountId).ExecuteDeleteAsync(context.CancellationToken);
}
