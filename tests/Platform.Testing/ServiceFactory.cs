using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

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

    /// <summary>A client that calls the service with <paramref name="token"/> as its bearer token.</summary>
    public HttpClient CreateClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The host starts its bus without waiting; a test that publishes before the service's queues are bound
    /// would lose its message, so hand the service over only once the bus reports healthy.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        WaitForBusAsync(host.Services).GetAwaiter().GetResult();
        return host;
    }

    private static async Task WaitForBusAsync(IServiceProvider services)
    {
        var health = services.GetService<HealthCheckService>();
        if (health is null) return;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var report = await health.CheckHealthAsync(c => c.Name == "masstransit-bus");
            if (report.Entries.Count == 0 || report.Status == HealthStatus.Healthy) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("the service's message bus did not become ready within 60 s");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
