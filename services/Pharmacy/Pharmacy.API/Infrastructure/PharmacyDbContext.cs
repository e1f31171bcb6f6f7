using Microsoft.EntityFrameworkCore;
using Pharmacy.API.Domain;
using Platform.Messaging;

namespace Pharmacy.API.Infrastructure;

public sealed class PharmacyDbContext(DbContextOptions<PharmacyDbContext> options) : DbContext(options)
{
    public DbSet<Drug> Drugs => Set<Drug>();
    public DbSet<DrugInteraction> Interactions => Set<DrugInteraction>();
    public DbSet<AllergyClass> AllergyClasses => Set<AllergyClass>();
    public DbSet<Prescription> Prescriptions => Set<Prescription>();
    public DbSet<PatientMedicationContext> Contexts => Set<PatientMedicationContext>();
    public DbSet<SafetyAlert> Alerts => Set<SafetyAlert>();
    public DbSet<PharmacistQuestion> Questions => Set<PharmacistQuestion>();
    public DbSet<DoseReminder> Reminders => Set<DoseReminder>();
    public DbSet<DeliveryOrder> Deliveries => Set<DeliveryOrder>();
    public DbSet<DeliveryStep> Steps => Set<DeliveryStep>();
    public DbSet<DeliveryAddress> Addresses => Set<DeliveryAddress>();
    public DbSet<CourierNonce> CourierNonces => Set<CourierNonce>();
    public DbSet<ReadAudit> Audits => Set<ReadAudit>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(PharmacyDbContext).Assembly);
        model.AddOutboxAndInbox();
    }
}

/// <summary>A courier callback nonce seen recently: the same nonce again is a replay.</summary>
public sealed class CourierNonce
{
    public required string Nonce { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
