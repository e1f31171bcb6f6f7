using Identity.API.Domain;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Platform.Messaging;

namespace Identity.API.Infrastructure;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<LoginThrottle> LoginThrottles => Set<LoginThrottle>();
    public DbSet<SmsCode> SmsCodes => Set<SmsCode>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementConsent> AgreementConsents => Set<AgreementConsent>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<WeChatBindToken> WeChatBindTokens => Set<WeChatBindToken>();
    public DbSet<WeChatBindIntent> WeChatBindIntents => Set<WeChatBindIntent>();
    public DbSet<HandoverTicket> HandoverTickets => Set<HandoverTicket>();
    public DbSet<Practitioner> Practitioners => Set<Practitioner>();
    public DbSet<PractitionerDepartment> PractitionerDepartments => Set<PractitionerDepartment>();
    public DbSet<PractitionerLinkChange> PractitionerLinkChanges => Set<PractitionerLinkChange>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
        model.UseOpenIddict();
        // OpenIddict names its tables in PascalCase; ours are snake_case.
        model.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("openiddict_applications");
        model.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("openiddict_authorizations");
        model.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        model.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("openiddict_tokens");
        model.AddOutboxAndInbox();
    }
}
