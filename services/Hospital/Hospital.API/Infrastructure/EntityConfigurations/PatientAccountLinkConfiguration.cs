using Hospital.API.Domain.Education;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.API.Infrastructure.EntityConfigurations;

internal sealed class PatientAccountLinkConfiguration : IEntityTypeConfiguration<PatientAccountLink>
{
    public void Configure(EntityTypeBuilder<PatientAccountLink> e)
    {
        e.ToTable("patient_account_links");
        e.HasKey(l => new { l.PatientId, l.AccountId });
        e.HasIndex(l => l.AccountId);
    }
}
