using Hospital.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.API.Infrastructure.EntityConfigurations;

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> e)
    {
        e.ToTable("media_files");
        e.HasKey(m => m.Id);
        e.Property(m => m.ContentType).HasMaxLength(50);
        e.Property(m => m.FileName).HasMaxLength(200);
    }
}
