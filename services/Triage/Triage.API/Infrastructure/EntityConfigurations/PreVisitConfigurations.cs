using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Triage.API.Domain.PreVisit;

namespace Triage.API.Infrastructure.EntityConfigurations;

internal static class JsonColumn
{
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> p) where T : class? =>
        p.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<T>(v, JsonSerializerOptions.Web)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web).GetHashCode(),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!));
}

internal sealed class HealthProfileConfiguration : IEntityTypeConfiguration<HealthProfile>
{
    public void Configure(EntityTypeBuilder<HealthProfile> b)
    {
        b.ToTable("health_profiles");
        b.HasKey(x => x.PatientId);
        b.Property(x => x.Data).AsJson();
        b.Property(x => x.FhirBundle).HasColumnType("jsonb");
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class VisitAppointmentConfiguration : IEntityTypeConfiguration<VisitAppointment>
{
    public void Configure(EntityTypeBuilder<VisitAppointment> b)
    {
        b.ToTable("visit_appointments");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.DoctorId, x.StartsAt });
        b.HasIndex(x => x.PatientId);
        b.Property(x => x.DepartmentName).HasMaxLength(100);
        b.Property(x => x.DoctorName).HasMaxLength(100);
        b.Property(x => x.Location).HasMaxLength(200);
    }
}

internal sealed class PatientComplaintConfiguration : IEntityTypeConfiguration<PatientComplaint>
{
    public void Configure(EntityTypeBuilder<PatientComplaint> b)
    {
        b.ToTable("patient_complaints");
        b.HasIndex(x => new { x.PatientId, x.At });
        b.Property(x => x.BodyPart).HasMaxLength(20);
    }
}

internal sealed class ScreeningConfiguration : IEntityTypeConfiguration<Screening>
{
    public void Configure(EntityTypeBuilder<Screening> b)
    {
        b.ToTable("screenings");
        b.HasIndex(x => x.AppointmentId).IsUnique();
        b.HasIndex(x => x.PatientId);
        b.Property(x => x.Form).HasMaxLength(40);
        b.Property(x => x.Outcome).HasMaxLength(20);
        b.Property(x => x.Answers).AsJson();
        b.Property(x => x.Temperature).HasPrecision(4, 1);
    }
}

internal sealed class HealthDataAccessConfiguration : IEntityTypeConfiguration<HealthDataAccess>
{
    public void Configure(EntityTypeBuilder<HealthDataAccess> b)
    {
        b.ToTable("health_data_access");
        b.HasIndex(x => new { x.PatientId, x.At });
        b.Property(x => x.ActorRole).HasMaxLength(20);
        b.Property(x => x.ActorId).HasMaxLength(100);
        b.Property(x => x.PractitionerId).HasMaxLength(100);
        b.Property(x => x.What).HasMaxLength(60);
    }
}
