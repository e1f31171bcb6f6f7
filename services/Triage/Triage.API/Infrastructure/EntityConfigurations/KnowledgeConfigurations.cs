using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Triage.API.Domain;

namespace Triage.API.Infrastructure.EntityConfigurations;

internal sealed class BodyPartConfiguration : IEntityTypeConfiguration<BodyPart>
{
    public void Configure(EntityTypeBuilder<BodyPart> b)
    {
        b.ToTable("body_parts");
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Name).HasMaxLength(20);
        b.OwnsMany(x => x.Weights, w => w.ToJson());
    }
}

internal sealed class SymptomConfiguration : IEntityTypeConfiguration<Symptom>
{
    public void Configure(EntityTypeBuilder<Symptom> b)
    {
        b.ToTable("symptoms");
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Name).HasMaxLength(40);
        b.OwnsMany(x => x.Weights, w => w.ToJson());
    }
}

internal sealed class FollowUpQuestionConfiguration : IEntityTypeConfiguration<FollowUpQuestion>
{
    public void Configure(EntityTypeBuilder<FollowUpQuestion> b)
    {
        b.ToTable("follow_up_questions");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Text).HasMaxLength(200);
        b.Property(x => x.Sex).HasMaxLength(1);
    }
}

internal sealed class RedFlagRuleConfiguration : IEntityTypeConfiguration<RedFlagRule>
{
    public void Configure(EntityTypeBuilder<RedFlagRule> b)
    {
        b.ToTable("red_flag_rules");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Sex).HasMaxLength(1);
        b.OwnsMany(x => x.AllOf, g => g.ToJson());
    }
}

internal sealed class PopulationRuleConfiguration : IEntityTypeConfiguration<PopulationRule>
{
    public void Configure(EntityTypeBuilder<PopulationRule> b)
    {
        b.ToTable("population_rules");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Sex).HasMaxLength(1);
        b.Property(x => x.RequiresSymptom).HasMaxLength(40);
        b.Property(x => x.RedirectTo).HasMaxLength(40);
    }
}

internal sealed class SpecialtyConfiguration : IEntityTypeConfiguration<Specialty>
{
    public void Configure(EntityTypeBuilder<Specialty> b)
    {
        b.ToTable("specialties");
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Name).HasMaxLength(40);
    }
}

internal sealed class HospitalDepartmentConfiguration : IEntityTypeConfiguration<HospitalDepartment>
{
    public void Configure(EntityTypeBuilder<HospitalDepartment> b)
    {
        b.ToTable("hospital_departments");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(100);
    }
}
