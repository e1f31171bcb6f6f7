using Microsoft.EntityFrameworkCore;
using Payment.API.Domain;
using Platform.Messaging;
using Platform.Messaging.PatientLinks;

namespace Payment.API.Infrastructure;

public sealed class PaymentDbContext(DbContextOptions<PaymentDbContext> options) : DbContext(options)
{
    public DbSet<PaymentOrder> Orders => Set<PaymentOrder>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<PaymentIssue> Issues => Set<PaymentIssue>();
    public DbSet<ReconciliationRun> Reconciliations => Set<ReconciliationRun>();
    public DbSet<PatientLink> PatientLinks => Set<PatientLink>();
    public DbSet<EInvoice> EInvoices => Set<EInvoice>();
    public DbSet<InsuranceClaim> InsuranceClaims => Set<InsuranceClaim>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(PaymentDbContext).Assembly);
        model.AddOutboxAndInbox();
        model.AddPatientLinks();
    }
}
