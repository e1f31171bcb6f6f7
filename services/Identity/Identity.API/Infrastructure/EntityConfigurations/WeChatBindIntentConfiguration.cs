using Identity.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.API.Infrastructure.EntityConfigurations;

internal sealed class WeChatBindIntentConfiguration : IEntityTypeConfiguration<WeChatBindIntent>
{
    public void Configure(EntityTypeBuilder<WeChatBindIntent> e)
    {
        e.ToTable("wechat_bind_intents");
        e.HasKey(i => i.Id);
        e.HasIndex(i => i.NonceHash).IsUnique();
        e.HasIndex(i => i.AccountId);
        e.Property(i => i.App).HasMaxLength(32);
    }
}
