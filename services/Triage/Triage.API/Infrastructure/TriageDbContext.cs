using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Triage.API.Domain;

namespace Triage.API.Infrastructure;

public sealed class TriageDbContext(DbContextOptions<TriageDbContext> options) : DbContext(options)
{
    public DbSet<BodyPart> BodyParts => Set<BodyPart>();
    public DbSet<Symptom> Symptoms => Set<Symptom>();
    public DbSet<FollowUpQuestion> Questions => Set<FollowUpQuestion>();
    public DbSet<RedFlagRule> RedFlags => Set<RedFlagRule>();
    public DbSet<PopulationRule> PopulationRules => Set<PopulationRule>();
    public DbSet<Specialty> Specialties => Set<Specialty>();
    public DbSet<HospitalDepartment> Departments => Set<HospitalDepartment>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(TriageDbContext).Assembly);
        model.AddOutboxAndInbox();
    }
}
