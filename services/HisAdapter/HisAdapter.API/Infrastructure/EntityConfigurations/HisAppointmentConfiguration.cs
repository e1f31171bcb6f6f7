using HisAdapter.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HisAdapter.API.Infrastructure.EntityConfigurations;

internal sealed class HisAppointmentConfiguration : IEntityTypeConfiguration<HisAppointment>
{
    public void Configure(EntityTypeBuilder<HisAppointment> e)
    {
        e.ToTable("his_appointments");
        e.HasKey(a => a.AppointmentId);
        e.HasIndex(a => a.SlotHisId).HasDatabaseName("ix_his_appointments_slot");
    }
}
