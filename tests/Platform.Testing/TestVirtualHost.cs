using System.Net.Http.Headers;
using System.Text;

namespace Platform.Testing;

/// <summary>A RabbitMQ virtual host of its own, so tests never see the running stack's messages or each other's.</summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;

    private TestVirtualHost(string name, HttpClient management, string amqpUri, bool traced)
    {
        Name = name;
        _management = management;
        AmqpUri = amqpUri;
        Traced = traced;
    }

    public string Name { get; }
    public string AmqpUri { get; }
    /// <summary>Its messages are written to the trace file &lt;name&gt;.log (GET /api/trace-files/&lt;name&gt;.log).</summary>
    public bool Traced { get; }

    public static Task<TestVirtualHost> CreateAsync(string prefix) =>
        CreateAsync(prefix, TestEnvironment.RabbitManagement, TestEnvironment.AmqpUri);

    /// <param name="trace">Record every message published in the virtual host (rabbitmq_tracing); by default when
    /// ./platform test asks for it (<see cref="TestEnvironment.TraceMessages"/>).</param>
    public static async Task<TestVirtualHost> CreateAsync(string prefix, string managementUrl, string amqpUri, bool? trace = null)
    {
        var name = $"test-{prefix}-{Guid.NewGuid():N}"[..36];
        var http = new HttpClient { BaseAddress = new Uri(managementUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestEnvironment.RabbitUser}:{TestEnvironment.RabbitPassword}")));
        (await http.PutAsync($"/api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        (await http.PutAsync($"/api/permissions/{name}/{TestEnvironment.RabbitUser}",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();
        var traced = trace ?? TestEnvironment.TraceMessages;
        if (traced) await StartTraceAsync(http, name);
        var uri = new UriBuilder(amqpUri) { Path = "/" + name }.Uri.ToString();
        return new TestVirtualHost(name, http, uri, traced);
    }

    /// <summary>rabbitmq_tracing writes every message published in the virtual host to &lt;name&gt;.log in its folder.</summary>
    private static async Task StartTraceAsync(HttpClient http, string vhost)
    {
        var body = new StringContent("""{"format":"json","pattern":"publish.#"}""", Encoding.UTF8);
        // The tracing plugin answers 415 to "application/json; charset=utf-8": the bare media type only.
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        (await http.PutAsync($"/api/traces/{vhost}/{vhost}", body)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // The trace first: deleting a virtual host under a running trace crashes rabbitmq_tracing's consumer, and
            // with it the traces of every other virtual host (rabbitmq 3.10).
            if (Traced) await _management.DeleteAsync($"/api/traces/{Name}/{Name}");
            await _management.DeleteAsync($"/api/vhosts/{Name}");
        }
        catch (HttpRequestException) { /* broker already gone (a test stopped it): nothing to clean */ }
        _management.Dispose();
    }
}
