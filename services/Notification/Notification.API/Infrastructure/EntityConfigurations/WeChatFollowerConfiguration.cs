using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notification.API.Domain;

namespace Notification.API.Infrastructure.EntityConfigurations;

internal sealed class WeChatFollowerConfiguration : IEntityTypeConfiguration<WeChatFollower>
{
    public void Configure(EntityTypeBuilder<WeChatFollower> e)
    {
        e.ToTable("wechat_followers");
        e.HasKey(f => f.WeChatUserId);
        e.Property(f => f.WeChatUserId).HasColumnName("wechat_user_id");
        e.Property<string?>(LegacyOpenIds.Column).HasColumnName(LegacyOpenIds.Column);
    }
}
