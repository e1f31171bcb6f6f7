using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scheduling.API.Domain;

namespace Scheduling.API.Infrastructure.EntityConfigurations;

internal sealed class SessionRequestConfiguration : IEntityTypeConfiguration<SessionRequest>
{
    public void Configure(EntityTypeBuilder<SessionRequest> e)
    {
        e.ToTable("session_requests");
        e.HasKey(r => r.Id);
        e.HasIndex(r => r.Date);
        e.HasIndex(r => r.ScheduleHisId);
        e.Property(r => r.PractitionerHisId).HasMaxLength(100);
        e.Property(r => r.DepartmentCode).HasMaxLength(50);
        e.Property(r => r.Period).HasMaxLength(2);
        e.Property(r => r.Status).HasMaxLength(20);
        e.Property(r => r.ScheduleHisId).HasMaxLength(100);
        e.Property(r => r.RefusalReason).HasMaxLength(300);
    }
}

internal sealed class ExamRoomOutageConfiguration : IEntityTypeConfiguration<ExamRoomOutage>
{
    public void Configure(EntityTypeBuilder<ExamRoomOutage> e)
    {
        e.ToTable("exam_room_outages");
        e.HasKey(o => o.Id);
        e.HasIndex(o => new { o.RoomId, o.From });
        // from and to are SQL keywords: hand-written SQL should not need quoting.
        e.Property(o => o.From).HasColumnName("starts_at");
        e.Property(o => o.To).HasColumnName("ends_at");
        e.Property(o => o.Reason).HasMaxLength(200);
        e.HasOne<ExamRoom>().WithMany().HasForeignKey(o => o.RoomId).OnDelete(DeleteBehavior.Restrict);
    }
}
