using Convenience.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Convenience.API.Infrastructure.EntityConfigurations;

internal sealed class ChronicReadingConfiguration : IEntityTypeConfiguration<ChronicReading>
{
    public void Configure(EntityTypeBuilder<ChronicReading> b)
    {
        b.ToTable("chronic_readings");
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasMaxLength(20);
        b.Property(r => r.Value).HasPrecision(8, 2);
        b.Property(r => r.Context).HasMaxLength(20);
        b.Property(r => r.Source).HasMaxLength(20);
        b.Property(r => r.AlertText).HasMaxLength(200);
        b.HasIndex(r => new { r.PatientId, r.Kind, r.MeasuredAt });
    }
}

internal sealed class ChronicThresholdConfiguration : IEntityTypeConfiguration<ChronicThreshold>
{
    public void Configure(EntityTypeBuilder<ChronicThreshold> b)
    {
        b.ToTable("chronic_thresholds");
        b.HasKey(t => new { t.PatientId, t.Kind });
        b.Property(t => t.Kind).HasMaxLength(20);
        b.Property(t => t.Low).HasPrecision(8, 2);
        b.Property(t => t.High).HasPrecision(8, 2);
        b.Property(t => t.DiastolicLow).HasPrecision(8, 2);
        b.Property(t => t.DiastolicHigh).HasPrecision(8, 2);
        b.Property(t => t.SetBy).HasMaxLength(60);
    }
}

internal sealed class ChronicAlertConfiguration : IEntityTypeConfiguration<ChronicAlert>
{
    public void Configure(EntityTypeBuilder<ChronicAlert> b)
    {
        b.ToTable("chronic_alerts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Kind).HasMaxLength(20);
        b.Property(a => a.Text).HasMaxLength(200);
        b.Property(a => a.AcknowledgedBy).HasMaxLength(60);
        b.Property(a => a.Note).HasMaxLength(300);
        b.HasIndex(a => a.ReadingId).IsUnique();
        b.HasIndex(a => new { a.AcknowledgedAt, a.RaisedAt });
    }
}

internal sealed class ChronicReminderConfiguration : IEntityTypeConfiguration<ChronicReminder>
{
    public void Configure(EntityTypeBuilder<ChronicReminder> b)
    {
        b.ToTable("chronic_reminders");
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasMaxLength(20);
        b.HasIndex(r => new { r.Active, r.NextDueAt });
        b.HasIndex(r => new { r.PatientId, r.Kind }).IsUnique();
    }
}
