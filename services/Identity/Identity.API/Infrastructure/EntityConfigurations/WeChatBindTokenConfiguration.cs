using Identity.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Persistence;

namespace Identity.API.Infrastructure.EntityConfigurations;

internal sealed class WeChatBindTokenConfiguration : IEntityTypeConfiguration<WeChatBindToken>
{
    public void Configure(EntityTypeBuilder<WeChatBindToken> e)
    {
        e.ToTable("wechat_bind_tokens");
        e.HasKey(t => t.TokenHash);
        e.Property(t => t.App).HasMaxLength(32).HasColumnDefault("service_account");
    }
}
