using Hospital.API.Domain;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;

namespace Hospital.API.Infrastructure;

public sealed class HospitalDbContext(DbContextOptions<HospitalDbContext> options) : DbContext(options)
{
    public DbSet<Department> Departments => Set<Department>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(HospitalDbContext).Assembly);
        model.AddOutboxAndInbox();
    }
}
