using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notification.API.Domain;

namespace Notification.API.Infrastructure.EntityConfigurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> e)
    {
        e.ToTable("messages");
        e.HasKey(m => m.Id);
        e.Property(m => m.ReadAt);
        e.HasIndex(m => new { m.AccountId, m.CreatedAt });
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> e)
    {
        e.ToTable("deliveries");
        e.HasKey(d => d.Id);
        e.HasIndex(d => new { d.MessageId, d.Channel }).IsUnique();
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
    }
}

internal sealed class WeChatConfiguration : IEntityTypeConfiguration<WeChatBinding>, IEntityTypeConfiguration<WeChatFollower>
{
    public void Configure(EntityTypeBuilder<WeChatBinding> e)
    {
        e.ToTable("wechat_bindings");
        e.HasKey(b => b.AccountId);
    }

    public void Configure(EntityTypeBuilder<WeChatFollower> e)
    {
        e.ToTable("wechat_followers");
        e.HasKey(f => f.OpenId);
    }
}

internal sealed class PreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> e)
    {
        e.ToTable("notification_preferences");
        e.HasKey(p => p.AccountId);
        e.Property(p => p.WeChat).HasColumnName("we_chat");
    }
}
