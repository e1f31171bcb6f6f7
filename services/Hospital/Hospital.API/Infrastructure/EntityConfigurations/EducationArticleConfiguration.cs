using Hospital.API.Domain.Education;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Persistence;

namespace Hospital.API.Infrastructure.EntityConfigurations;

internal sealed class EducationArticleConfiguration : IEntityTypeConfiguration<EducationArticle>
{
    public void Configure(EntityTypeBuilder<EducationArticle> e)
    {
        e.ToTable("education_articles");
        e.HasKey(a => a.Id);
        e.HasIndex(a => a.Slug).IsUnique();
        e.HasIndex(a => a.Specialty);
        e.Property(a => a.Slug).HasMaxLength(64);
        e.Property(a => a.Title).HasMaxLength(80);
        e.Property(a => a.Specialty).HasMaxLength(30);
        e.Property(a => a.Summary).HasMaxLength(300).HasColumnDefault("");
        e.Property(a => a.ReadCount).HasColumnDefault(0L);
        e.Property(a => a.IsActive).HasColumnDefault(true);
    }
}
