using Identity.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.API.Infrastructure.EntityConfigurations;

internal sealed class PractitionerConfiguration : IEntityTypeConfiguration<Practitioner>
{
    public void Configure(EntityTypeBuilder<Practitioner> e)
    {
        e.ToTable("practitioners");
        e.HasKey(p => p.HisId);
        e.Property(p => p.HisId).HasMaxLength(64);
        e.Property(p => p.Name).HasMaxLength(100);
        e.Property(p => p.Title).HasMaxLength(50);
        e.Property(p => p.StaffNumber).HasMaxLength(50);
        e.HasIndex(p => p.Name);
    }
}

internal sealed class PractitionerDepartmentConfiguration : IEntityTypeConfiguration<PractitionerDepartment>
{
    public void Configure(EntityTypeBuilder<PractitionerDepartment> e)
    {
        e.ToTable("practitioner_departments");
        e.HasKey(d => d.Code);
        e.Property(d => d.Code).HasMaxLength(64);
        e.Property(d => d.Name).HasMaxLength(100);
    }
}

internal sealed class PractitionerLinkChangeConfiguration : IEntityTypeConfiguration<PractitionerLinkChange>
{
    public void Configure(EntityTypeBuilder<PractitionerLinkChange> e)
    {
        e.ToTable("practitioner_link_changes");
        e.HasKey(c => c.Id);
        e.HasIndex(c => new { c.AccountId, c.ChangedAt });
        e.Property(c => c.PreviousPractitionerHisId).HasMaxLength(64);
        e.Property(c => c.PractitionerHisId).HasMaxLength(64);
        e.Property(c => c.ChangedByName).HasMaxLength(100);
        e.Property(c => c.SourceIp).HasMaxLength(64);
    }
}
