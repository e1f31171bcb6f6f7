using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Testing;

namespace Identity.Tests.Support;

/// <summary>The Identity service on a fresh database and virtual host, with the SMS and real-name simulators as real
/// processes, an adjustable clock and captured logs.</summary>
public class IdentityFixture : IAsyncLifetime
{
    public const string IntegrationClientId = "test-his";
    public const string IntegrationClientSecret = "test-his-secret-0123456789";
    public const string DirectoryClientId = "test-directory";
    public const string DirectoryClientSecret = "test-directory-secret-0123";

    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public SimulatorProcess Sms { get; private set; } = null!;
    public SimulatorProcess RealName { get; private set; } = null!;
    public IdentityFactory Service { get; private set; } = null!;
    public AdjustableClock Clock { get; } = new();
    public CapturedLogs Logs { get; } = new();

    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("identity");
        VirtualHost = await TestVirtualHost.CreateAsync("identity");
        Sms = await SimulatorProcess.StartAsync("Sms", new Dictionary<string, string> { ["SMS_API_KEY"] = "test-sms-key" });
        RealName = await SimulatorProcess.StartAsync("RealName", new Dictionary<string, string> { ["REALNAME_SECRET"] = "test-realname-secret" });
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:identitydb"] = Database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = VirtualHost.AmqpUri,
            ["Messaging:Outbox:PollInterval"] = "00:00:00.500",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:02",
            ["RateLimiting:PermitsPerMinute"] = "100000",
            ["RateLimiting:SensitivePermitsPerMinute"] = "100000",
            ["Sms:BaseUrl"] = Sms.BaseUrl,
            ["Sms:ApiKey"] = "test-sms-key",
            ["RealName:BaseUrl"] = RealName.BaseUrl,
            ["RealName:Secret"] = "test-realname-secret",
            ["RealName:AttemptTimeout"] = "00:00:01",
            ["RealName:TotalTimeout"] = "00:00:04",
            ["RealName:Retries"] = "1",
            ["Identity:SeedDemoAccounts"] = "true",
            [$"Identity:Clients:{IntegrationClientId}:Name"] = "测试集成客户端",
            [$"Identity:Clients:{IntegrationClientId}:Secret"] = IntegrationClientSecret,
            [$"Identity:Clients:{DirectoryClientId}:Name"] = "测试内部服务",
            [$"Identity:Clients:{DirectoryClientId}:Secret"] = DirectoryClientSecret,
            [$"Identity:Clients:{DirectoryClientId}:Scopes:0"] = "patient_identifiers",
        };
        foreach (var (k, v) in ExtraSettings) settings[k] = v;
        Service = new IdentityFactory(settings, Clock, Logs);
        _ = Service.Server;
    }

    public virtual async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Sms.DisposeAsync();
        await RealName.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class IdentityFactory(IReadOnlyDictionary<string, string> settings, AdjustableClock clock, CapturedLogs logs)
    : ServiceFactory<IdentityDbContext>(settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The demo accounts (admin, doctor01, demo) the tests sign in with exist in Development only.
        builder.UseEnvironment("Development");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
        });
    }
}
