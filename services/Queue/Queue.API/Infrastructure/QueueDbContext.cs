using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Messaging.PatientLinks;
using Queue.API.Domain;

namespace Queue.API.Infrastructure;

public sealed class QueueDbContext(DbContextOptions<QueueDbContext> options) : DbContext(options)
{
    public DbSet<ClinicQueue> Queues => Set<ClinicQueue>();
    public DbSet<QueueTicket> Tickets => Set<QueueTicket>();
    public DbSet<QueueCall> Calls => Set<QueueCall>();
    public DbSet<VisitAppointment> Appointments => Set<VisitAppointment>();
    public DbSet<VisitPayment> Payments => Set<VisitPayment>();
    public DbSet<PatientLink> PatientLinks => Set<PatientLink>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(QueueDbContext).Assembly);
        model.AddOutboxAndInbox();
        model.AddPatientLinks();
    }
}
