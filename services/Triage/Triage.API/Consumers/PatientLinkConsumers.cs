using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Identity;
using Platform.Messaging.Inbox;
using Triage.API.Domain.PreVisit;
using Triage.API.Infrastructure;

namespace Triage.API.Consumers;

/// <summary>Whose health profile and screening forms an account may use, as Identity announces its patients (就诊人).</summary>
public sealed class PatientRegisteredConsumer(TriageDbContext db) : IdempotentConsumer<PatientRegisteredIntegrationEvent, TriageDbContext>(db)
{
    protected override Task HandleAsync(PatientRegisteredIntegrationEvent e, ConsumeContext<PatientRegisteredIntegrationEvent> context) =>
        Db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO patient_links (account_id, patient_id) VALUES ({e.AccountId}, {e.PatientId}) ON CONFLICT DO NOTHING", context.CancellationToken);
}

public sealed class PatientRemovedConsumer(TriageDbContext db) : IdempotentConsumer<PatientRemovedIntegrationEvent, TriageDbContext>(db)
{
    protected override Task HandleAsync(PatientRemovedIntegrationEvent e, ConsumeContext<PatientRemovedIntegrationEvent> context) =>
        Db.Set<PatientLink>().Where(l => l.AccountId == e.AccountId && l.PatientId == e.PatientId).ExecuteDeleteAsync(context.CancellationToken);
}

public sealed class AccountClosedConsumer(TriageDbContext db) : IdempotentConsumer<AccountClosedIntegrationEvent, TriageDbContext>(db)
{
    protected override Task HandleAsync(AccountClosedIntegrationEvent e, ConsumeContext<AccountClosedIntegrationEvent> context) =>
        Db.Set<PatientLink>().Where(l => l.AccountId == e.AccountId).ExecuteDeleteAsync(context.CancellationToken);
}
