using Identity.API.Domain;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;

namespace Identity.API.Infrastructure;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<LoginThrottle> LoginThrottles => Set<LoginThrottle>();
    public DbSet<SmsCode> SmsCodes => Set<SmsCode>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementConsent> AgreementConsents => Set<AgreementConsent>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<WeChatBindToken> WeChatBindTokens => Set<WeChatBindToken>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
        model.AddOutboxAndInbox();
    }
}
