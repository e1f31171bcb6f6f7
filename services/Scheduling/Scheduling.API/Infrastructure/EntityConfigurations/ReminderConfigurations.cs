using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scheduling.API.Domain;

namespace Scheduling.API.Infrastructure.EntityConfigurations;

internal sealed class AppointmentReminderConfiguration : IEntityTypeConfiguration<AppointmentReminder>
{
    public void Configure(EntityTypeBuilder<AppointmentReminder> e)
    {
        e.ToTable("appointment_reminders");
        e.HasKey(r => r.AppointmentId);
        e.Property(r => r.AppointmentId).ValueGeneratedNever();
        e.Property(r => r.Kind).HasMaxLength(20);
    }
}
