using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notification.API.Domain;

namespace Notification.API.Infrastructure.EntityConfigurations;

internal sealed class WeChatBindingConfiguration : IEntityTypeConfiguration<WeChatBinding>
{
    public void Configure(EntityTypeBuilder<WeChatBinding> e)
    {
        e.ToTable("wechat_bindings");
        e.HasKey(b => b.AccountId);
        // The snake-case convention would split "WeChat" into "we_chat".
        e.Property(b => b.WeChatUserId).HasColumnName("wechat_user_id");
        e.HasIndex(b => b.WeChatUserId).IsUnique().HasDatabaseName("ix_wechat_bindings_wechat_user_id");
        e.Property<string?>(LegacyOpenIds.Column).HasColumnName(LegacyOpenIds.Column);
    }
}
