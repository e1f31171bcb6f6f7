using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Messaging.PatientLinks;
using Reports.API.Domain;

namespace Reports.API.Infrastructure;

public sealed class ReportsDbContext(DbContextOptions<ReportsDbContext> options) : DbContext(options)
{
    public DbSet<AccessEvent> AccessEvents => Set<AccessEvent>();
    public DbSet<RecordSnapshot> Snapshots => Set<RecordSnapshot>();
    public DbSet<ReportIndexEntry> ReportIndex => Set<ReportIndexEntry>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();
    public DbSet<KnowledgeItem> Knowledge => Set<KnowledgeItem>();
    public DbSet<PatientLink> PatientLinks => Set<PatientLink>();
    public DbSet<ConsultationCare> ConsultationCare => Set<ConsultationCare>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(ReportsDbContext).Assembly);
        model.AddPatientLinks();
        model.AddOutboxAndInbox();
    }
}
