using Identity.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Persistence;

namespace Identity.API.Infrastructure.EntityConfigurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> e)
    {
        e.ToTable("accounts");
        e.HasKey(a => a.Id);
        e.HasIndex(a => a.UsernameNormalized).IsUnique();
        e.HasIndex(a => a.PhoneHash).IsUnique().HasFilter("phone_hash IS NOT NULL");
        e.HasIndex(a => a.WeChatOpenIdHash).IsUnique().HasFilter("we_chat_open_id_hash IS NOT NULL");
        e.Property(a => a.MiniProgramOpenIdHash).HasColumnName("miniprogram_open_id_hash");
        e.Property(a => a.MiniProgramOpenIdEncrypted).HasColumnName("miniprogram_open_id_encrypted");
        e.Property(a => a.WeChatUnionIdHash).HasColumnName("wechat_union_id_hash");
        e.HasIndex(a => a.MiniProgramOpenIdHash).IsUnique().HasFilter("miniprogram_open_id_hash IS NOT NULL");
        e.HasIndex(a => a.WeChatUnionIdHash).IsUnique().HasFilter("wechat_union_id_hash IS NOT NULL");
        e.Property(a => a.LastTotpStep).HasColumnDefault(-1L);
        e.Property(a => a.SmsMfaEnabled).HasColumnDefault(false);
        e.Property(a => a.ElderMode).HasColumnDefault(false);
        e.Property(a => a.PractitionerHisId).HasMaxLength(64);
        // One account per practitioner: a second login acting as the same doctor would blur the audit trail.
        e.HasIndex(a => a.PractitionerHisId).IsUnique().HasFilter("practitioner_his_id IS NOT NULL");
    }
}

internal sealed class LoginThrottleConfiguration : IEntityTypeConfiguration<LoginThrottle>
{
    public void Configure(EntityTypeBuilder<LoginThrottle> e)
    {
        e.ToTable("login_throttles");
        e.HasKey(t => t.KeyHash);
    }
}

internal sealed class SmsCodeConfiguration : IEntityTypeConfiguration<SmsCode>
{
    public void Configure(EntityTypeBuilder<SmsCode> e)
    {
        e.ToTable("sms_codes");
        e.HasKey(c => c.Id);
        e.HasIndex(c => new { c.PhoneHash, c.CreatedAt }).HasDatabaseName("ix_sms_codes_phone");
        e.HasIndex(c => new { c.RequesterHash, c.CreatedAt }).HasDatabaseName("ix_sms_codes_requester");
        e.Property(c => c.FailedAttempts).HasColumnDefault(0);
    }
}
