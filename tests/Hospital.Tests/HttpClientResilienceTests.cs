using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Http;

namespace Hospital.Tests;

/// <summary>What AddPlatformResilience promises every outgoing client, against a party that is always busy.</summary>
public sealed class HttpClientResilienceTests
{
    [Fact]
    public async Task Safe_requests_are_retried_unsafe_ones_only_when_the_client_says_they_are_idempotent()
    {
        var (factory, calls) = Build(new Dictionary<string, string?>());
        await Send(factory, "plain", HttpMethod.Get);
        await Send(factory, "plain", HttpMethod.Post);
        await Send(factory, "idempotent", HttpMethod.Post);
        Assert.Equal(3, calls["plain GET"]);
        Assert.Equal(1, calls["plain POST"]);
        Assert.Equal(3, calls["idempotent POST"]);
    }

    [Fact]
    public async Task Configuration_wins_over_the_code_and_a_client_of_its_own_over_all_clients()
    {
        var (factory, calls) = Build(new Dictionary<string, string?>
        {
            ["Http:Resilience:Retry:MaxRetryAttempts"] = "3",
            ["Http:Resilience:Clients:plain:Retry:MaxRetryAttempts"] = "1",
        });
        await Send(factory, "plain", HttpMethod.Get);
        await Send(factory, "idempotent", HttpMethod.Get);
        Assert.Equal(2, calls["plain GET"]);
        Assert.Equal(4, calls["idempotent GET"]);
    }

    private static (IHttpClientFactory, Dictionary<string, int>) Build(Dictionary<string, string?> settings)
    {
        var calls = new Dictionary<string, int>();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        foreach (var (name, idempotent) in new[] { ("plain", false), ("idempotent", true) })
            services.AddHttpClient(name, c => c.BaseAddress = new Uri("http://party.invalid/"))
                .ConfigurePrimaryHttpMessageHandler(() => new Busy(name, calls))
                .AddPlatformResilience(o =>
                {
                    o.Retry.MaxRetryAttempts = 2;
                    o.Retry.Delay = TimeSpan.FromMilliseconds(1);
                }, idempotent);
        return (services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>(), calls);
    }

    private static async Task Send(IHttpClientFactory factory, string client, HttpMethod method)
    {
        using var response = await factory.CreateClient(client).SendAsync(new HttpRequestMessage(method, "x"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private sealed class Busy(string name, Dictionary<string, int> calls) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            lock (calls) calls[$"{name} {request.Method}"] = calls.GetValueOrDefault($"{name} {request.Method}") + 1;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }
    }
}
