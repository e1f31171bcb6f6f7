using Identity.API.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.API.Infrastructure.EntityConfigurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> e)
    {
        e.ToTable("accounts");
        e.HasKey(a => a.Id);
        e.HasIndex(a => a.UsernameNormalized).IsUnique();
        e.HasIndex(a => a.PhoneHash).IsUnique();
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
    }
}
