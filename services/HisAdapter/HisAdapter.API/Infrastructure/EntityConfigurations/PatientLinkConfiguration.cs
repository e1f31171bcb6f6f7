using HisAdapter.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HisAdapter.API.Infrastructure.EntityConfigurations;

internal sealed class PatientLinkConfiguration : IEntityTypeConfiguration<PatientLink>
{
    public void Configure(EntityTypeBuilder<PatientLink> e)
    {
        e.ToTable("patient_links");
        e.HasKey(l => l.PatientId);
        e.HasIndex(l => l.HisPatientId);
    }
}
