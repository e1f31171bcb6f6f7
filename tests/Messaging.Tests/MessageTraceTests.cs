using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Platform.Testing;

namespace Messaging.Tests;

/// <summary>./platform test records every message of a full run (rabbitmq_tracing) and scans them for personal
/// identifiers afterwards (tests/Security/PiiScan): a test virtual host's messages must reach its trace, and its trace
/// must be gone before the virtual host is, or the tracer crashes; a few such crashes bring the whole plugin down, and
/// every other trace with it (rabbitmq 3.10).</summary>
public sealed class MessageTraceTests
{
    [Fact]
    public async Task Traced_test_vhosts_record_their_messages_and_go_away_without_breaking_the_other_traces()
    {
        using var management = ManagementClient();
        await using var watched = await TracedVirtualHostAsync("watch");
        for (var i = 0; i < 3; i++)
        {
            var vhost = await TracedVirtualHostAsync("trace");
            await PublishAndSeeInTraceAsync(management, vhost.Name);
            await vhost.DisposeAsync();
            Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync($"/api/traces/{vhost.Name}/{vhost.Name}")).StatusCode);
        }

        // A crashed tracer brings the plugin down only once its restarts have failed, a little later: what must not
        // happen is watched for a while, failing at once if it does.
        var until = DateTime.UtcNow.AddSeconds(3);
        while (DateTime.UtcNow < until)
        {
            var traces = await management.GetAsync("/api/traces");
            Assert.True(traces.StatusCode == HttpStatusCode.OK, $"the broker's traces: {traces.StatusCode}");
            Assert.Contains(watched.Name, await traces.Content.ReadAsStringAsync());
            await Task.Delay(100);
        }
        await PublishAndSeeInTraceAsync(management, watched.Name);
    }

    private static Task<TestVirtualHost> TracedVirtualHostAsync(string prefix) =>
        TestVirtualHost.CreateAsync(prefix, TestEnvironment.RabbitManagement, TestEnvironment.AmqpUri, trace: true);

    private static HttpClient ManagementClient()
    {
        var http = new HttpClient { BaseAddress = new Uri(TestEnvironment.RabbitManagement) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestEnvironment.RabbitUser}:{TestEnvironment.RabbitPassword}")));
        return http;
    }

    private static async Task PublishAndSeeInTraceAsync(HttpClient management, string vhost)
    {
        var probe = "probe-" + Guid.NewGuid().ToString("N");
        var content = new StringContent($$"""{"properties":{},"routing_key":"nowhere","payload":"{{probe}}","payload_encoding":"string"}""");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        (await management.PostAsync($"/api/exchanges/{vhost}/amq.default/publish", content)).EnsureSuccessStatusCode();
        // The json trace format keeps the body base64-encoded.
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(probe));
        await Eventually.Until(async () =>
        {
            var file = await management.GetAsync($"/api/trace-files/{vhost}.log");
            return file.IsSuccessStatusCode ? await file.Content.ReadAsStringAsync() : "";
        }, text => text.Contains(base64), what: $"the message published in {vhost} in its trace file");
    }
}
