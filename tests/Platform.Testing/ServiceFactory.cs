using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Testing;

/// <summary>Starts a real service (its Program, hosted services, consumers and outbox dispatcher) against the given
/// database and virtual host. <typeparamref name="TMarker"/> is any type from the service's assembly.</summary>
public class ServiceFactory<TMarker>(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<TMarker>
    where TMarker : class
{
    public static ServiceFactory<TMarker> Create(string databaseName, TestDatabase database, string amqpUri,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            [$"ConnectionStrings:{databaseName}"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = amqpUri,
            ["Messaging:Outbox:PollInterval"] = "00:00:00.500",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:02",
            ["RateLimiting:PermitsPerMinute"] = "100000",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) settings[k] = v;
        return new ServiceFactory<TMarker>(settings);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
