using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payment.API.Domain;
using Payment.API.Infrastructure;
using Platform.Contracts.Identity;
using Platform.Messaging.Inbox;

namespace Payment.API.Consumers;

/// <summary>Whose fees an account may see and pay, as Identity announces its patients (就诊人).</summary>
public sealed class PatientRegisteredConsumer(PaymentDbContext db) : IdempotentConsumer<PatientRegisteredIntegrationEvent, PaymentDbContext>(db)
{
    protected override Task HandleAsync(PatientRegisteredIntegrationEvent e, ConsumeContext<PatientRegisteredIntegrationEvent> context) =>
        Db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO patient_links (account_id, patient_id) VALUES ({e.AccountId}, {e.PatientId}) ON CONFLICT DO NOTHING", context.CancellationToken);
}

public sealed class PatientRemovedConsumer(PaymentDbContext db) : IdempotentConsumer<PatientRemovedIntegrationEvent, PaymentDbContext>(db)
{
    protected override Task HandleAsync(PatientRemovedIntegrationEvent e, ConsumeContext<PatientRemovedIntegrationEvent> context) =>
        Db.Set<PatientLink>().Where(l => l.AccountId == e.AccountId && l.PatientId == e.PatientId).ExecuteDeleteAsync(context.CancellationToken);
}

public sealed class AccountClosedConsumer(PaymentDbContext db) : IdempotentConsumer<AccountClosedIntegrationEvent, PaymentDbContext>(db)
{
    protected override Task HandleAsync(AccountClosedIntegrationEvent e, ConsumeContext<AccountClosedIntegrationEvent> context) =>
        Db.Set<PatientLink>().Where(l => l.AccountId == e.AccountId).ExecuteDeleteAsync(context.CancellationToken);
}
