using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Messaging.PatientLinks;
using Triage.API.Domain;
using Triage.API.Domain.PreVisit;

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
    public DbSet<HealthProfile> HealthProfiles => Set<HealthProfile>();
    public DbSet<VisitAppointment> Appointments => Set<VisitAppointment>();
    public DbSet<PatientComplaint> Complaints => Set<PatientComplaint>();
    public DbSet<Screening> Screenings => Set<Screening>();
    public DbSet<HealthDataAccess> AccessLog => Set<HealthDataAccess>();
    public DbSet<PatientLink> PatientLinks => Set<PatientLink>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(TriageDbContext).Assembly);
        model.AddOutboxAndInbox();
        model.AddPatientLinks();
    }
}
