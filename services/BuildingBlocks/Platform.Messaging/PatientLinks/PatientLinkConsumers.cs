using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Identity;
using Platform.Messaging.Inbox;

namespace Platform.Messaging.PatientLinks;

public static class PatientLinkConsumers
{
    /// <summary>Keeps the service's patient_links as Identity announces patients added, removed and accounts closed.
    /// The queues keep the names the services' own consumers had (<c>{service}-patient-registered</c>, …).</summary>
    public static IBusRegistrationConfigurator AddPatientLinkConsumers<TContext>(this IBusRegistrationConfigurator bus, string serviceName)
        where TContext : DbContext
    {
        bus.AddConsumer<PatientLinkAdded<TContext>>().Endpoint(e => e.Name = $"{serviceName}-patient-registered");
        bus.AddConsumer<PatientLinkRemoved<TContext>>().Endpoint(e => e.Name = $"{serviceName}-patient-removed");
        bus.AddConsumer<PatientLinksClosed<TContext>>().Endpoint(e => e.Name = $"{serviceName}-account-closed");
        return bus;
    }
}

public sealed class PatientLinkAdded<TContext>(TContext db) : IdempotentConsumer<PatientRegisteredIntegrationEvent, TContext>(db)
    where TContext : DbContext
{
    protected override Task HandleAsync(PatientRegisteredIntegrationEvent e, ConsumeContext<PatientRegisteredIntegrationEvent> context) =>
        Db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO patient_links (account_id, patient_id) VALUES ({e.AccountId}, {e.PatientId}) ON CONFLICT DO NOTHING", context.CancellationToken);
}

public sealed class PatientLinkRemoved<TContext>(TContext db) : IdempotentConsumer<PatientRemovedIntegrationEvent, TContext>(db)
    where TContext : DbContext
{
    protected override Task HandleAsync(PatientRemovedIntegrationEvent e, ConsumeContext<PatientRemovedIntegrationEvent> context) =>
        Db.Set<PatientLink>().Where(l => l.AccountId == e.AccountId && l.PatientId == e.PatientId).ExecuteDeleteAsync(context.CancellationToken);
}

public sealed class PatientLinksClosed<TContext>(TContext db) : IdempotentConsumer<AccountClosedIntegrationEvent, TContext>(db)
    where TContext : DbContext
{
    protected override Task HandleAsync(AccountClosedIntegrationEvent e, ConsumeContext<AccountClosedIntegrationEvent> context) =>
        Db.Set<PatientLink>().Where(l => l.AccountId == e.AccountId).ExecuteDeleteAsync(context.CancellationToken);
}
