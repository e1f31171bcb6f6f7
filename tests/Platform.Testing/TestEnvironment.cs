namespace Platform.Testing;

/// <summary>Where the infrastructure started by ./platform lives. Defaults match deploy/local/env.sh so tests also
/// run from an IDE after ./platform up.</summary>
public static class TestEnvironment
{
    public static string PostgresAdmin => Get("PLATFORM_PG_ADMIN",
        "Host=127.0.0.1;Port=55432;Database=postgres;Username=platform;Password=platform-dev-password");
    public static string AmqpUri => Get("PLATFORM_AMQP_URI", "amqp://platform:platform-dev-password@127.0.0.1:55672/platform");
    public static string RabbitManagement => Get("PLATFORM_RABBIT_MGMT", "http://127.0.0.1:55673");
    public static string RabbitUser => Get("PLATFORM_RABBIT_USER", "platform");
    public static string RabbitPassword => Get("PLATFORM_RABBIT_PASSWORD", "platform-dev-password");
    public static string EdgeUrl => Get("PLATFORM_EDGE_URL", "http://127.0.0.1:8080").TrimEnd('/');
    public static string EdgeTlsUrl => Get("PLATFORM_EDGE_TLS_URL", "https://127.0.0.1:8443").TrimEnd('/');
    public static string Logs => Get("PLATFORM_LOGS", Path.Combine(Root, ".data", "logs"));
    public static string Root => Get("PLATFORM_ROOT", FindRoot());
    public static string Artifacts => Get("PLATFORM_ARTIFACTS", Path.Combine(Root, "artifacts"));

    private static string Get(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
