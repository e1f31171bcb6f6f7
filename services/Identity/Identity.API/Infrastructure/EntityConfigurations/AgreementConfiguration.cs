using Identity.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Persistence;

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
        e.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.NoAction);
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
        e.HasIndex(p => p.AccountId, "ix_patients_account_id").HasDatabaseName("ix_patients_account_id");
        // An account has at most one patient who is the account holder.
        e.HasIndex(p => p.AccountId, "ix_patients_one_self").HasDatabaseName("ix_patients_one_self").IsUnique().HasFilter("relation = 'self'");
        e.HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.NoAction);
        e.Property(p => p.GuardianConsent).HasColumnDefault(false);
        e.Property(p => p.SharingConsent).HasColumnDefault(false);
    }
}
