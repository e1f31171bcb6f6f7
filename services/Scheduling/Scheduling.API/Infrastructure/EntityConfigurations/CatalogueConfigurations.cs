using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scheduling.API.Domain;

namespace Scheduling.API.Infrastructure.EntityConfigurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.ToTable("departments");
        e.HasKey(d => d.Id);
        e.HasIndex(d => d.Code).IsUnique();
        e.HasIndex(d => d.Campus);
        e.Property(d => d.Code).HasMaxLength(64);
        e.Property(d => d.Name).HasMaxLength(100);
        e.Property(d => d.Campus).HasMaxLength(100);
        e.Property(d => d.Building).HasMaxLength(100);
        e.Property(d => d.Floor).HasMaxLength(50);
        e.Ignore(d => d.Location);
    }
}

internal sealed class DoctorConfiguration : IEntityTypeConfiguration<Doctor>
{
    public void Configure(EntityTypeBuilder<Doctor> e)
    {
        e.ToTable("doctors");
        e.HasKey(d => d.Id);
        e.HasIndex(d => d.HisId).IsUnique();
        e.Property(d => d.HisId).HasMaxLength(64);
        e.Property(d => d.Name).HasMaxLength(100);
        e.Property(d => d.Title).HasMaxLength(50);
    }
}

internal sealed class ClinicSessionConfiguration : IEntityTypeConfiguration<ClinicSession>
{
    public void Configure(EntityTypeBuilder<ClinicSession> e)
    {
        e.ToTable("sessions");
        e.HasKey(s => s.Id);
        e.HasIndex(s => s.SessionKey).IsUnique();
        e.HasIndex(s => new { s.ScheduleHisId, s.Date });
        e.HasIndex(s => new { s.DepartmentId, s.Date });
        e.Property(s => s.SessionKey).HasMaxLength(100);
        e.Property(s => s.ScheduleHisId).HasMaxLength(64);
        e.Property(s => s.PractitionerHisId).HasMaxLength(64);
        e.Property(s => s.DepartmentCode).HasMaxLength(64);
        e.Property(s => s.Period).HasMaxLength(2);
        e.Property(s => s.StopReason).HasMaxLength(200);
        e.Property(s => s.LimitReason).HasMaxLength(200);
    }
}

internal sealed class SlotConfiguration : IEntityTypeConfiguration<Slot>
{
    public void Configure(EntityTypeBuilder<Slot> e)
    {
        e.ToTable("slots");
        e.HasKey(s => s.Id);
        e.HasIndex(s => new { s.SessionId, s.StartsAt }).IsUnique();
        e.HasOne<ClinicSession>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SlotUnitConfiguration : IEntityTypeConfiguration<SlotUnit>
{
    public void Configure(EntityTypeBuilder<SlotUnit> e)
    {
        e.ToTable("slot_units");
        e.HasKey(u => u.Id);
        e.HasIndex(u => u.HisId).IsUnique();
        e.HasIndex(u => new { u.SlotId, u.StartsAt });
        e.HasIndex(u => u.SessionId);
        e.Property(u => u.HisId).HasMaxLength(100);
        e.Property(u => u.HisStatus).HasMaxLength(30);
        e.HasOne<Slot>().WithMany().HasForeignKey(u => u.SlotId).OnDelete(DeleteBehavior.Restrict);
    }
}
