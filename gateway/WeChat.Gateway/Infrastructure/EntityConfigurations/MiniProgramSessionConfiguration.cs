using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeChat.Gateway.Domain;

namespace WeChat.Gateway.Infrastructure.EntityConfigurations;

internal sealed class MiniProgramSessionConfiguration : IEntityTypeConfiguration<MiniProgramSession>
{
    public void Configure(EntityTypeBuilder<MiniProgramSession> e)
    {
        e.ToTable("miniprogram_sessions");
        e.HasKey(s => s.Id);
    }
}
