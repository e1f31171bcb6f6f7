using HisAdapter.API.Domain;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;

namespace HisAdapter.API.Infrastructure;

public sealed class HisAdapterDbContext(DbContextOptions<HisAdapterDbContext> options) : DbContext(options)
{
    public DbSet<PatientLink> PatientLinks => Set<PatientLink>();
    public DbSet<HisCommand> Commands => Set<HisCommand>();
    public DbSet<HisAppointment> Appointments => Set<HisAppointment>();
    public DbSet<SyncedResource> SyncedResources => Set<SyncedResource>();
    public DbSet<SyncedSlot> SyncedSlots => Set<SyncedSlot>();
    public DbSet<SyncMark> SyncMarks => Set<SyncMark>();
    public DbSet<PushDelivery> PushDeliveries => Set<PushDelivery>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(HisAdapterDbContext).Assembly);
        model.AddOutboxAndInbox();
    }
}
