using Hospital.API.Domain;
using Hospital.API.Domain.Publishing;
using Hospital.API.Domain.Education;
using Hospital.API.Domain.Navigation;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;

namespace Hospital.API.Infrastructure;

public sealed class HospitalDbContext(DbContextOptions<HospitalDbContext> options) : DbContext(options)
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Doctor> Doctors => Set<Doctor>();
    public DbSet<ClinicSession> ClinicSessions => Set<ClinicSession>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<ContentItem> ContentItems => Set<ContentItem>();
    public DbSet<ContentRevision> ContentRevisions => Set<ContentRevision>();
    public DbSet<ContentAuditEntry> ContentAudit => Set<ContentAuditEntry>();
    public DbSet<FloorMap> FloorMaps => Set<FloorMap>();
    public DbSet<MapPlace> MapPlaces => Set<MapPlace>();
    public DbSet<MapDrawing> MapDrawings => Set<MapDrawing>();
    public DbSet<EducationArticle> EducationArticles => Set<EducationArticle>();
    public DbSet<PatientAccountLink> PatientAccountLinks => Set<PatientAccountLink>();
    public DbSet<PatientDepartmentVisit> PatientDepartmentVisits => Set<PatientDepartmentVisit>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(HospitalDbContext).Assembly);
        model.AddOutboxAndInbox();
    }
}
