using Hospital.API.Domain.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.API.Infrastructure.EntityConfigurations;

internal sealed class ContentRevisionConfiguration : IEntityTypeConfiguration<ContentRevision>
{
    public void Configure(EntityTypeBuilder<ContentRevision> e)
    {
        e.ToTable("content_revisions");
        e.HasKey(r => r.Id);
        e.HasIndex(r => new { r.ItemId, r.Number }).IsUnique();
        // One open revision per item, enforced by the database too: two editors racing both get past the check.
        e.HasIndex(r => r.ItemId).IsUnique().HasFilter("status IN ('Draft', 'InReview')").HasDatabaseName("ix_content_revisions_one_open");
        e.HasOne<ContentItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Cascade);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Body).HasColumnType("jsonb");
        e.Property(r => r.CreatedByName).HasMaxLength(100);
        e.Property(r => r.ReviewedByName).HasMaxLength(100);
        e.Property(r => r.ReviewNote).HasMaxLength(500);
        e.Property(r => r.Version).IsConcurrencyToken();
    }
}
