using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notification.API.Domain;
using Platform.Persistence;

namespace Notification.API.Infrastructure.EntityConfigurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> e)
    {
        e.ToTable("messages", t => t.HasCheckConstraint("messages_severity_check",
            "severity IN ('normal', 'important', 'critical')"));
        e.HasKey(m => m.Id);
        e.Property(m => m.ReadAt);
        // ix_messages_source (one message per event, account and patient) is an expression index that EF cannot
        // model: the Initial migration creates it with SQL.
        e.HasIndex(m => new { m.AccountId, m.CreatedAt, m.Id }, "ix_messages_account_created").HasDatabaseName("ix_messages_account_created").IsDescending(false, true, true);
        e.HasIndex(m => m.AccountId, "ix_messages_account_unread").HasDatabaseName("ix_messages_account_unread").HasFilter("read_at IS NULL");
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> e)
    {
        e.ToTable("deliveries", t =>
        {
            t.HasCheckConstraint("deliveries_channel_check", "channel IN ('in-app', 'wechat', 'miniprogram', 'sms')");
            t.HasCheckConstraint("deliveries_status_check", "status IN ('pending', 'sent', 'failed')");
        });
        e.HasKey(d => d.Id);
        // A channel carries a message at most once.
        e.HasIndex(d => new { d.MessageId, d.Channel }).IsUnique().HasDatabaseName("ix_deliveries_message_channel");
        // WeChat carries a message once: as a mini-program subscribe message or a template message, never both.
        e.HasIndex(d => d.MessageId).IsUnique().HasDatabaseName("ix_deliveries_one_wechat_message")
            .HasFilter("channel IN ('wechat', 'miniprogram')");
        e.HasIndex(d => d.NextAttemptAt).HasDatabaseName("ix_deliveries_due").HasFilter("status = 'pending'");
        e.Property(d => d.Attempts).HasColumnDefault(0);
        e.Property(d => d.LeaseOwner).HasMaxLength(Platform.ServiceDefaults.Workers.LeaseOwner.MaxLength);
        // Declared so EF inserts a message before its deliveries in the same save.
        e.HasOne<Message>().WithMany().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PatientAccountConfiguration : IEntityTypeConfiguration<PatientAccount>
{
    public void Configure(EntityTypeBuilder<PatientAccount> e)
    {
        e.ToTable("patient_accounts");
        e.HasKey(p => new { p.PatientId, p.AccountId });
        e.HasIndex(p => p.AccountId);
        e.Property(p => p.PatientName).HasColumnDefault("");
    }
}

internal sealed class PreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> e)
    {
        e.ToTable("notification_preferences");
        e.HasKey(p => p.AccountId);
        e.Property(p => p.WeChat).HasColumnName("we_chat").HasColumnDefault(true);
        e.Property(p => p.InApp).HasColumnDefault(true);
        e.Property(p => p.Sms).HasColumnDefault(true);
    }
}
