using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notification.API.Domain;

namespace Notification.API.Infrastructure.EntityConfigurations;

internal sealed class MiniProgramBindingConfiguration : IEntityTypeConfiguration<MiniProgramBinding>
{
    public void Configure(EntityTypeBuilder<MiniProgramBinding> e)
    {
        e.ToTable("miniprogram_bindings");
        e.HasKey(b => b.AccountId);
        e.Property(b => b.WeChatUserId).HasColumnName("wechat_user_id");
        e.HasIndex(b => b.WeChatUserId).IsUnique().HasDatabaseName("ix_miniprogram_bindings_wechat_user_id");
    }
}

internal sealed class MiniProgramGrantConfiguration : IEntityTypeConfiguration<MiniProgramGrant>
{
    public void Configure(EntityTypeBuilder<MiniProgramGrant> e)
    {
        e.ToTable("miniprogram_grants");
        e.HasKey(g => new { g.AccountId, g.TemplateId });
        e.Property(g => g.TemplateId).HasMaxLength(128);
        // Two deliveries planned at once for the same account must not both spend the last one-time grant.
        e.Property(g => g.OneTime).IsConcurrencyToken();
    }
}
