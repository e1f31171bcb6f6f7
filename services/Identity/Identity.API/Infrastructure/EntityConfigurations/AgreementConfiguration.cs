using Identity.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.API.Infrastructure.EntityConfigurations;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> e)
    {
        e.ToTable("agreements");
        e.HasKey(a => a.Id);
        e.HasIndex(a => new { a.Kind, a.Version }).IsUnique();
    }
}

internal sealed class AgreementConsentConfiguration : IEntityTypeConfiguration<AgreementConsent>
{
    public void Configure(EntityTypeBuilder<AgreementConsent> e)
    {
        e.ToTable("agreement_consents");
        e.HasKey(c => c.Id);
        e.HasIndex(c => c.AccountId);
    }
}

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> e)
    {
        e.ToTable("patients");
        e.HasKey(p => p.Id);
        e.HasIndex(p => new { p.AccountId, p.IdNumberHash }).IsUnique();
        e.HasIndex(p => p.IdNumberHash);
    }
}
