using Convenience.API.Domain;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Messaging.PatientLinks;

namespace Convenience.API.Infrastructure;

public sealed class ConvenienceDbContext(DbContextOptions<ConvenienceDbContext> options) : DbContext(options)
{
    public DbSet<ServiceItem> Items => Set<ServiceItem>();
    public DbSet<ServiceWindow> Windows => Set<ServiceWindow>();
    public DbSet<WindowBooking> WindowBookings => Set<WindowBooking>();
    public DbSet<ServiceOrder> Orders => Set<ServiceOrder>();
    public DbSet<ServiceOrderStep> OrderSteps => Set<ServiceOrderStep>();
    public DbSet<Inpatient> Inpatients => Set<Inpatient>();
    public DbSet<ChronicReading> Readings => Set<ChronicReading>();
    public DbSet<ChronicThreshold> Thresholds => Set<ChronicThreshold>();
    public DbSet<ChronicAlert> Alerts => Set<ChronicAlert>();
    public DbSet<ChronicReminder> Reminders => Set<ChronicReminder>();
    public DbSet<HomeVisit> Visits => Set<HomeVisit>();
    public DbSet<HomeVisitStep> VisitSteps => Set<HomeVisitStep>();
    public DbSet<ReadAudit> Audits => Set<ReadAudit>();
    public DbSet<PatientLink> PatientLinks => Set<PatientLink>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(ConvenienceDbContext).Assembly);
        model.AddOutboxAndInbox();
        model.AddPatientLinks();
    }
}

/// <summary>Who read a patient's health readings or home address, when (staff reads of medical data are audited).</summary>
public sealed class ReadAudit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Actor { get; set; }
    public required string Role { get; set; }
    public Guid? PatientId { get; set; }
    public required string What { get; set; }
    public DateTimeOffset At { get; set; }
}
