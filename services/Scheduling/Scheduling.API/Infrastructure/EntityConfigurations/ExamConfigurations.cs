using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scheduling.API.Domain;

namespace Scheduling.API.Infrastructure.EntityConfigurations;

internal sealed class ExamRoomConfiguration : IEntityTypeConfiguration<ExamRoom>
{
    public void Configure(EntityTypeBuilder<ExamRoom> e)
    {
        e.ToTable("exam_rooms");
        e.HasKey(r => r.Id);
        e.HasIndex(r => r.HisId).IsUnique();
        e.HasIndex(r => r.ServiceCode);
        e.Property(r => r.HisId).HasMaxLength(100);
        e.Property(r => r.Name).HasMaxLength(100);
        e.Property(r => r.Location).HasMaxLength(200);
        e.Property(r => r.ServiceCode).HasMaxLength(30);
        e.Property(r => r.ServiceName).HasMaxLength(100);
    }
}

internal sealed class ExamSlotConfiguration : IEntityTypeConfiguration<ExamSlot>
{
    public void Configure(EntityTypeBuilder<ExamSlot> e)
    {
        e.ToTable("exam_slots");
        e.HasKey(s => s.Id);
        e.HasIndex(s => new { s.ScheduleHisId, s.StartsAt, s.EndsAt }).IsUnique();
        e.HasIndex(s => new { s.RoomId, s.Date });
        e.Property(s => s.ScheduleHisId).HasMaxLength(100);
        e.HasOne<ExamRoom>().WithMany().HasForeignKey(s => s.RoomId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExamUnitConfiguration : IEntityTypeConfiguration<ExamUnit>
{
    public void Configure(EntityTypeBuilder<ExamUnit> e)
    {
        e.ToTable("exam_units");
        e.HasKey(u => u.Id);
        e.HasIndex(u => u.HisId).IsUnique();
        e.HasIndex(u => u.SlotId);
        e.Property(u => u.HisId).HasMaxLength(100);
        e.Property(u => u.HisStatus).HasMaxLength(30);
        e.HasOne<ExamSlot>().WithMany().HasForeignKey(u => u.SlotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExamOrderConfiguration : IEntityTypeConfiguration<ExamOrder>
{
    public void Configure(EntityTypeBuilder<ExamOrder> e)
    {
        e.ToTable("exam_orders");
        e.HasKey(o => o.Id);
        e.HasIndex(o => o.PatientId);
        e.Property(o => o.HisId).HasMaxLength(100);
        e.Property(o => o.ItemCode).HasMaxLength(50);
        e.Property(o => o.ItemName).HasMaxLength(100);
        e.Property(o => o.Category).HasMaxLength(30);
        e.Property(o => o.ServiceCode).HasMaxLength(30);
        e.Property(o => o.Preparation).HasMaxLength(500);
        e.Property(o => o.OrderedBy).HasMaxLength(100);
        e.Property(o => o.Status).HasMaxLength(30);
        e.Ignore(o => o.IsOpen);
    }
}

internal sealed class ExamAppointmentConfiguration : IEntityTypeConfiguration<ExamAppointment>
{
    /// <summary>An order is booked once: a second active booking of it is refused by the database too.</summary>
    public const string OneActivePerOrder = "ux_exam_appointments_active_order";

    public void Configure(EntityTypeBuilder<ExamAppointment> e)
    {
        e.ToTable("exam_appointments");
        e.HasKey(a => a.Id);
        e.HasIndex(a => a.OrderId).IsUnique().HasDatabaseName(OneActivePerOrder)
            .HasFilter("status IN ('locking', 'awaitingPayment', 'booked')");
        e.HasIndex(a => new { a.PatientId, a.StartsAt });
        e.HasIndex(a => a.StartsAt).HasFilter("status = 'booked'");
        e.Property(a => a.OrderHisId).HasMaxLength(100);
        e.Property(a => a.ItemName).HasMaxLength(100);
        e.Property(a => a.UnitHisId).HasMaxLength(100);
        e.Property(a => a.RoomName).HasMaxLength(100);
        e.Property(a => a.Location).HasMaxLength(200);
        e.Property(a => a.Status).HasMaxLength(20);
        e.Property(a => a.FailureReason).HasMaxLength(300);
        e.Property(a => a.HisAppointmentId).HasMaxLength(100);
        e.Ignore(a => a.IsActive);
    }
}
