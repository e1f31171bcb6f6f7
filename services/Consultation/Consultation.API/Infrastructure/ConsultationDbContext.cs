using Consultation.API.Domain;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Messaging.PatientLinks;

namespace Consultation.API.Infrastructure;

public sealed class ConsultationDbContext(DbContextOptions<ConsultationDbContext> options) : DbContext(options)
{
    public DbSet<OnlineConsultation> Consultations => Set<OnlineConsultation>();
    public DbSet<ConsultationMessage> Messages => Set<ConsultationMessage>();
    public DbSet<DoctorOffer> Doctors => Set<DoctorOffer>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<MediaObject> Media => Set<MediaObject>();
    public DbSet<MediaBlob> MediaBlobs => Set<MediaBlob>();
    public DbSet<EPrescription> Prescriptions => Set<EPrescription>();
    public DbSet<ReadAudit> Audits => Set<ReadAudit>();
    public DbSet<PatientLink> PatientLinks => Set<PatientLink>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(ConsultationDbContext).Assembly);
        model.AddOutboxAndInbox();
        model.AddPatientLinks();
    }
}

/// <summary>A staff member's read of a patient's consultation (medical record): who, whose, what, when.</summary>
public sealed class ReadAudit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Actor { get; set; }
    public required string Role { get; set; }
    public Guid PatientId { get; set; }
    public required string What { get; set; }
    public DateTimeOffset At { get; set; }
}
