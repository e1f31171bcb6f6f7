using Hospital.API.Domain.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.API.Infrastructure.EntityConfigurations;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> e)
    {
        e.ToTable("content_items");
        e.HasKey(i => i.Id);
        e.HasIndex(i => new { i.ContentType, i.Key }).IsUnique();
        e.Property(i => i.ContentType).HasMaxLength(50);
        e.Property(i => i.Key).HasMaxLength(100);
        e.Property(i => i.Title).HasMaxLength(200);
        e.Property(i => i.PublishedBody).HasColumnType("jsonb");
        e.Property(i => i.PublishedByName).HasMaxLength(100);
        e.Property(i => i.Version).IsConcurrencyToken();
    }
}
