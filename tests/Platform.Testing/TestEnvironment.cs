namespace Platform.Testing;

/// <summary>Where the tests' PostgreSQL and RabbitMQ live, and where the running stack is. On the
/// <see cref="TestInfrastructure.Local"/> path they are the local processes that ./platform starts (defaults match
/// deploy/local/env.sh so tests also run from an IDE after ./platform up); on the
/// <see cref="TestInfrastructure.Containers"/> path, containers of this test run's own (see <see cref="TestContainers"/>).</summary>
public static class TestEnvironment
{
    public static TestInfrastructure Infrastructure => TestContainers.Infrastructure;

    public static string PostgresAdmin => TestContainers.Shared?.PostgresAdmin ?? StackPostgresAdmin;
    public static string AmqpUri => TestContainers.Shared?.AmqpUri ?? StackAmqpUri;
    public static string RabbitManagement => TestContainers.Shared?.RabbitManagement ?? StackRabbitManagement;
    public static string RabbitUser => Get("PLATFORM_RABBIT_USER", "platform");
    public static string RabbitPassword => Get("PLATFORM_RABBIT_PASSWORD", "platform-dev-password");

    /// <summary>The running stack's own PostgreSQL and RabbitMQ (./platform up), whichever path the tests' own take:
    /// what acceptance tests look at.</summary>
    public static string StackPostgresAdmin => Get("PLATFORM_PG_ADMIN",
        "Host=127.0.0.1;Port=55432;Database=postgres;Username=platform;Password=platform-dev-password");
    public static string StackAmqpUri => Get("PLATFORM_AMQP_URI", "amqp://platform:platform-dev-password@127.0.0.1:55672/platform");
    public static string StackRabbitManagement => Get("PLATFORM_RABBIT_MGMT", "http://127.0.0.1:55673");

    public static string EdgeUrl => Get("PLATFORM_EDGE_URL", "http://127.0.0.1:8080").TrimEnd('/');
    public static string EdgeTlsUrl => Get("PLATFORM_EDGE_TLS_URL", "https://127.0.0.1:8443").TrimEnd('/');
    public static string Logs => Get("PLATFORM_LOGS", Path.Combine(Root, ".data", "logs"));
    public static string Root => Get("PLATFORM_ROOT", FindRoot());
    /// <summary>Set by ./platform test on a full run: every test virtual host gets a RabbitMQ trace, so the messages
    /// of the whole run can be scanned for personal identifiers afterwards (tests/Security/PiiScan).</summary>
    public static bool TraceMessages => Get("PLATFORM_TRACE_MESSAGES", "") == "1";
    public static string Artifacts => Get("PLATFORM_ARTIFACTS", Path.Combine(Root, "artifacts"));

    internal static string Get(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
