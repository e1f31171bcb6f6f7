using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Platform.Testing;

namespace Identity.Tests;

/// <summary>The demo accounts' passwords are published (README): whatever the configuration says, only Development gets
/// them. (Development itself is covered by every test that signs in as admin, doctor01 or demo.)</summary>
public sealed class DemoAccountTests
{
    [Theory]
    [Trait("Rubric", "S01")]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public async Task Demo_accounts_are_never_seeded_outside_development(string environment)
    {
        await using var database = await TestDatabase.CreateAsync("identity");
        await using var vhost = await TestVirtualHost.CreateAsync("identity");
        await using var service = new EnvironmentFactory(environment, new Dictionary<string, string>
        {
            ["ConnectionStrings:identitydb"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = vhost.AmqpUri,
            // Outside Development and Testing a service refuses to start without an authority (never contacted here).
            ["Auth:Authority"] = "http://127.0.0.1:9/api/identity",
            ["Identity:SeedDemoAccounts"] = "true",
            ["Identity:DemoAccounts:0:Username"] = "demo",
            ["Identity:DemoAccounts:0:Password"] = "Demo@2026",
            ["Identity:DemoAccounts:0:Role"] = "patient",
            ["Identity:DemoAccounts:1:Username"] = "admin",
            ["Identity:DemoAccounts:1:Password"] = "Admin@2026",
            ["Identity:DemoAccounts:1:Role"] = "staff",
        });
        _ = service.Server; // started: migrations and seeders have run

        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM accounts"));
        Assert.Equal(3, await database.ScalarAsync("SELECT count(*) FROM openiddict_applications WHERE client_id IN ('patient', 'doctor', 'admin')"));
    }

    private sealed class EnvironmentFactory(string environment, IReadOnlyDictionary<string, string> settings)
        : ServiceFactory<IdentityDbContext>(settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }
}
