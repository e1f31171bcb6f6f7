using Consultation.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultation.API.Infrastructure.EntityConfigurations;

internal sealed class OnlineConsultationConfiguration : IEntityTypeConfiguration<OnlineConsultation>
{
    public void Configure(EntityTypeBuilder<OnlineConsultation> e)
    {
        e.HasKey(c => c.Id);
        e.Property(c => c.PractitionerHisId).HasMaxLength(64);
        e.Property(c => c.DoctorName).HasMaxLength(50);
        e.Property(c => c.DepartmentCode).HasMaxLength(32);
        e.Property(c => c.DepartmentName).HasMaxLength(50);
        e.Property(c => c.Kind).HasMaxLength(16);
        e.Property(c => c.Complaint).HasMaxLength(1000);
        e.Property(c => c.Status).HasMaxLength(24);
        e.Property(c => c.EndedBy).HasMaxLength(16);
        e.Property(c => c.Summary).HasMaxLength(2000);
        e.Property(c => c.PriorDiagnosis).HasMaxLength(200);
        // Two messages at once both number themselves from MessageCount: the row version makes one of them retry.
        e.Property(c => c.Version).IsRowVersion();
        e.HasIndex(c => new { c.PatientId, c.CreatedAt });
        e.HasIndex(c => new { c.PractitionerHisId, c.Status });
        e.HasIndex(c => new { c.Status, c.EndsBy });
    }
}

internal sealed class ConsultationMessageConfiguration : IEntityTypeConfiguration<ConsultationMessage>
{
    public void Configure(EntityTypeBuilder<ConsultationMessage> e)
    {
        e.HasKey(m => m.Id);
        e.Property(m => m.Sender).HasMaxLength(16);
        e.Property(m => m.Text).HasMaxLength(2000);
        e.Property(m => m.Card).HasColumnType("jsonb");
        e.HasIndex(m => new { m.ConsultationId, m.Seq }).IsUnique();
    }
}

internal sealed class DoctorOfferConfiguration : IEntityTypeConfiguration<DoctorOffer>
{
    public void Configure(EntityTypeBuilder<DoctorOffer> e)
    {
        e.HasKey(d => d.PractitionerHisId);
        e.Property(d => d.PractitionerHisId).HasMaxLength(64);
        e.Property(d => d.Name).HasMaxLength(50);
        e.Property(d => d.Title).HasMaxLength(50);
        e.Property(d => d.Expertise).HasMaxLength(500);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.HasKey(d => d.Code);
        e.Property(d => d.Code).HasMaxLength(32);
        e.Property(d => d.Name).HasMaxLength(50);
    }
}

internal sealed class MediaObjectConfiguration : IEntityTypeConfiguration<MediaObject>
{
    public void Configure(EntityTypeBuilder<MediaObject> e)
    {
        e.HasKey(m => m.Id);
        e.Property(m => m.ContentType).HasMaxLength(64);
        e.HasIndex(m => m.ConsultationId);
    }
}

internal sealed class MediaBlobConfiguration : IEntityTypeConfiguration<MediaBlob>
{
    public void Configure(EntityTypeBuilder<MediaBlob> e)
    {
        e.HasKey(m => m.Id);
        e.Property(m => m.ContentType).HasMaxLength(64);
    }
}

internal sealed class EPrescriptionConfiguration : IEntityTypeConfiguration<EPrescription>
{
    public void Configure(EntityTypeBuilder<EPrescription> e)
    {
        e.HasKey(p => p.Id);
        e.Property(p => p.PractitionerHisId).HasMaxLength(64);
        e.Property(p => p.DoctorName).HasMaxLength(50);
        e.Property(p => p.Diagnosis).HasMaxLength(200);
        e.Property(p => p.Status).HasMaxLength(24);
        e.Property(p => p.ReviewedBy).HasMaxLength(50);
        e.Property(p => p.ReviewNote).HasMaxLength(500);
        e.OwnsMany(p => p.Items, i => i.ToJson());
        e.Property(p => p.Version).IsRowVersion();
        e.HasIndex(p => new { p.Status, p.CreatedAt });
        e.HasIndex(p => p.ConsultationId);
    }
}

internal sealed class ReadAuditConfiguration : IEntityTypeConfiguration<ReadAudit>
{
    public void Configure(EntityTypeBuilder<ReadAudit> e)
    {
        e.HasKey(a => a.Id);
        e.Property(a => a.Actor).HasMaxLength(64);
        e.Property(a => a.Role).HasMaxLength(16);
        e.Property(a => a.What).HasMaxLength(100);
        e.HasIndex(a => new { a.PatientId, a.At });
    }
}
