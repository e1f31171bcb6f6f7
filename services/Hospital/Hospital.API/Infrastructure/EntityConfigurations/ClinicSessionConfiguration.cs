using Hospital.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.API.Infrastructure.EntityConfigurations;

internal sealed class ClinicSessionConfiguration : IEntityTypeConfiguration<ClinicSession>
{
    public void Configure(EntityTypeBuilder<ClinicSession> e)
    {
        e.ToTable("clinic_sessions");
        e.HasKey(s => s.Id);
        e.HasIndex(s => new { s.ScheduleHisId, s.Date, s.Period }).IsUnique();
        e.HasIndex(s => new { s.PractitionerHisId, s.Date });
        e.Property(s => s.ScheduleHisId).HasMaxLength(64);
        e.Property(s => s.PractitionerHisId).HasMaxLength(64);
        e.Property(s => s.DepartmentCode).HasMaxLength(64);
        e.Property(s => s.Period).HasMaxLength(10);
    }
}
