using HisAdapter.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HisAdapter.API.Infrastructure.EntityConfigurations;

internal sealed class SyncedSlotConfiguration : IEntityTypeConfiguration<SyncedSlot>
{
    public void Configure(EntityTypeBuilder<SyncedSlot> e)
    {
        e.ToTable("synced_slots");
        e.HasKey(s => s.HisId);
        e.HasIndex(s => new { s.ScheduleHisId, s.Day }).HasDatabaseName("ix_synced_slots_schedule_day");
    }
}
