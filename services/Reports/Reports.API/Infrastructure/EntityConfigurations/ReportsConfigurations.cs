using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reports.API.Domain;

namespace Reports.API.Infrastructure.EntityConfigurations;

internal sealed class AccessEventConfiguration : IEntityTypeConfiguration<AccessEvent>
{
    public void Configure(EntityTypeBuilder<AccessEvent> e)
    {
        e.ToTable("access_events");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).ValueGeneratedNever();
        e.HasIndex(a => new { a.PatientId, a.RecordedAt });
        e.Property(a => a.Outcome).HasMaxLength(2);
        e.Property(a => a.OutcomeText).HasMaxLength(200);
        e.Property(a => a.Subtype).HasMaxLength(20);
        e.Property(a => a.AgentRole).HasMaxLength(20);
        e.Property(a => a.AgentName).HasMaxLength(100);
        e.Property(a => a.AgentPractitionerId).HasMaxLength(64);
        e.Property(a => a.PurposeCode).HasMaxLength(20);
        e.Property(a => a.PurposeText).HasMaxLength(200);
        e.Property(a => a.EntityType).HasMaxLength(40);
        e.Property(a => a.EntityId).HasMaxLength(100);
        e.Property(a => a.EntityTitle).HasMaxLength(200);
    }
}

internal sealed class RecordSnapshotConfiguration : IEntityTypeConfiguration<RecordSnapshot>
{
    public void Configure(EntityTypeBuilder<RecordSnapshot> e)
    {
        e.ToTable("record_snapshots");
        e.HasKey(s => new { s.PatientId, s.Kind });
        e.Property(s => s.Kind).HasMaxLength(20);
        e.Property(s => s.Payload).HasColumnType("jsonb");
    }
}

internal sealed class ReportIndexConfiguration : IEntityTypeConfiguration<ReportIndexEntry>
{
    public void Configure(EntityTypeBuilder<ReportIndexEntry> e)
    {
        e.ToTable("report_index");
        e.HasKey(r => r.ReportId);
        e.Property(r => r.ReportId).ValueGeneratedNever();
        e.HasIndex(r => r.PatientId);
        e.Property(r => r.HisReportId).HasMaxLength(64);
    }
}

internal sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> e)
    {
        e.ToTable("share_links");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).ValueGeneratedNever();
        e.HasIndex(s => s.TokenHash).IsUnique();
        e.HasIndex(s => new { s.PatientId, s.ReportId });
        e.Property(s => s.TokenHash).HasMaxLength(64);
        e.Property(s => s.ReportTitle).HasMaxLength(200);
    }
}

internal sealed class KnowledgeItemConfiguration : IEntityTypeConfiguration<KnowledgeItem>
{
    public void Configure(EntityTypeBuilder<KnowledgeItem> e)
    {
        e.ToTable("knowledge_items");
        e.HasKey(k => k.Loinc);
        e.Property(k => k.Loinc).HasMaxLength(20);
        e.Property(k => k.Name).HasMaxLength(100);
        e.Property(k => k.Source).HasMaxLength(300);
        e.Property(k => k.Reviewer).HasMaxLength(100);
    }
}

internal sealed class ConsultationCareConfiguration : IEntityTypeConfiguration<ConsultationCare>
{
    public void Configure(EntityTypeBuilder<ConsultationCare> e)
    {
        e.ToTable("consultation_care");
        e.HasKey(c => c.ConsultationId);
        e.Property(c => c.PractitionerHisId).HasMaxLength(64);
        e.HasIndex(c => new { c.PatientId, c.PractitionerHisId });
    }
}
