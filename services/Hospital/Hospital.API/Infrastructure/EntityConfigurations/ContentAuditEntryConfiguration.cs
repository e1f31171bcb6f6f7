using Hospital.API.Domain.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.API.Infrastructure.EntityConfigurations;

internal sealed class ContentAuditEntryConfiguration : IEntityTypeConfiguration<ContentAuditEntry>
{
    public void Configure(EntityTypeBuilder<ContentAuditEntry> e)
    {
        e.ToTable("content_audit_entries");
        e.HasKey(a => a.Id);
        e.HasIndex(a => new { a.ItemId, a.At });
        e.HasIndex(a => a.At);
        e.Property(a => a.ContentType).HasMaxLength(50);
        e.Property(a => a.Key).HasMaxLength(100);
        e.Property(a => a.Action).HasMaxLength(20);
        e.Property(a => a.ActorName).HasMaxLength(100);
        e.Property(a => a.Note).HasMaxLength(500);
        e.Property(a => a.Changes).HasColumnType("jsonb");
    }
}
