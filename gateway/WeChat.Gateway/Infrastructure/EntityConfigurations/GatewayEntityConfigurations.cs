using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Persistence;
using WeChat.Gateway.Domain;

namespace WeChat.Gateway.Infrastructure.EntityConfigurations;

internal sealed class ProcessedCallbackConfiguration : IEntityTypeConfiguration<ProcessedCallback>
{
    public void Configure(EntityTypeBuilder<ProcessedCallback> e)
    {
        e.ToTable("processed_callbacks");
        e.HasKey(c => c.DedupKey);
        e.Property(c => c.WeChatUserId).HasColumnName("wechat_user_id");
        e.HasIndex(c => c.ReceivedAt);
    }
}

internal sealed class WeChatUserConfiguration : IEntityTypeConfiguration<WeChatUser>
{
    public void Configure(EntityTypeBuilder<WeChatUser> e)
    {
        e.ToTable("wechat_users");
        e.HasKey(u => u.Id);
        e.Property<string?>(LegacyOpenIds.Column).HasColumnName(LegacyOpenIds.Column);
        e.Property<string?>(LegacyProfiles.UnionIdColumn).HasColumnName(LegacyProfiles.UnionIdColumn);
        e.Property<string?>(LegacyProfiles.NicknameColumn).HasColumnName(LegacyProfiles.NicknameColumn);
        e.Property<string?>(LegacyProfiles.HeadImageUrlColumn).HasColumnName(LegacyProfiles.HeadImageUrlColumn);
        e.Property(u => u.Subscribed).HasColumnDefault(false);
    }
}

internal sealed class OAuthStateConfiguration : IEntityTypeConfiguration<OAuthState>
{
    public void Configure(EntityTypeBuilder<OAuthState> e)
    {
        e.ToTable("oauth_states");
        e.HasKey(s => s.State);
    }
}

internal sealed class OAuthTicketConfiguration : IEntityTypeConfiguration<OAuthTicket>
{
    public void Configure(EntityTypeBuilder<OAuthTicket> e)
    {
        e.ToTable("oauth_tickets");
        e.HasKey(t => t.TicketHash);
        e.Property(t => t.App).HasMaxLength(32).HasColumnDefault("service_account");
    }
}

internal sealed class SentMessageConfiguration : IEntityTypeConfiguration<SentMessage>
{
    public void Configure(EntityTypeBuilder<SentMessage> e)
    {
        e.ToTable("sent_messages");
        e.HasKey(m => m.MessageId);
        // The snake-case convention would split "WeChat" into "we_chat".
        e.Property(m => m.WeChatMsgId).HasColumnName("wechat_msg_id");
        e.Property(m => m.WeChatUserId).HasColumnName("wechat_user_id");
        e.Property<string?>(LegacyOpenIds.Column).HasColumnName(LegacyOpenIds.Column);
        e.Property(m => m.Attempts).HasColumnDefault(0);
    }
}

/// <summary>The account's access_token and jsapi_ticket, shared by every replica; read and refreshed with SQL under an
/// advisory lock (<c>CredentialStore</c>), mapped here so that the migrations create the table.</summary>
internal sealed class WeChatCredentialConfiguration : IEntityTypeConfiguration<WeChatCredential>
{
    public void Configure(EntityTypeBuilder<WeChatCredential> e)
    {
        e.ToTable("wechat_credentials");
        e.HasKey(c => c.Name);
    }
}
