using Hospital.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.API.Infrastructure.EntityConfigurations;

internal sealed class DoctorConfiguration : IEntityTypeConfiguration<Doctor>
{
    public void Configure(EntityTypeBuilder<Doctor> e)
    {
        e.ToTable("doctors");
        e.HasKey(d => d.Id);
        e.HasIndex(d => d.HisId).IsUnique();
        e.Property(d => d.HisId).HasMaxLength(64);
        e.Property(d => d.Name).HasMaxLength(50);
        e.Property(d => d.Gender).HasMaxLength(10);
        e.Property(d => d.Title).HasMaxLength(30);
        e.Property(d => d.Expertise).HasMaxLength(500);
        e.Property(d => d.Introduction).HasMaxLength(2000);
    }
}
