using MassTransit;
using Microsoft.EntityFrameworkCore;
using Queue.API.Domain;
using Queue.API.Infrastructure;
using Platform.Contracts.Identity;
using Platform.Messaging.Inbox;

namespace Queue.API.Consumers;

/// <summary>Whose queues an account may join and follow, as Identity announces its patients (就诊人).</summary>
public sealed class PatientRegisteredConsumer(QueueDbContext db) : IdempotentConsumer<PatientRegisteredIntegrationEvent, QueueDbContext>(db)
{
    protected override Task HandleAsync(PatientRegisteredIntegrationEvent e, ConsumeContext<PatientRegisteredIntegrationEvent> context) =>
        Db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO patient_links (account_id, patient_id) VALUES ({e.AccountId}, {e.PatientId}) ON CONFLICT DO NOTHING", context.CancellationToken);
}

public sealed class PatientRemovedConsumer(QueueDbContext db) : IdempotentConsumer<PatientRemovedIntegrationEvent, QueueDbContext>(db)
{
    protected override Task HandleAsync(PatientRemovedIntegrationEvent e, ConsumeContext<PatientRemovedIntegrationEvent> context) =>
        Db.Set<PatientLink>().Where(l => l.AccountId == e.AccountId && l.PatientId == e.PatientId).ExecuteDeleteAsync(context.CancellationToken);
}

public sealed class AccountClosedConsumer(QueueDbContext db) : IdempotentConsumer<AccountClosedIntegrationEvent, QueueDbContext>(db)
{
    protected override Task HandleAsync(AccountClosedIntegrationEvent e, ConsumeContext<AccountClosedIntegrationEvent> context) =>
        Db.Set<PatientLink>().Where(l => l.AccountId == e.AccountId).ExecuteDeleteAsync(context.CancellationToken);
}
