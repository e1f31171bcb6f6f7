using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Notification.Tests;

/// <summary>Each replica's push queue outlives a RabbitMQ restart. As a temporary queue it vanished with the broker, and
/// pushes published before the replica declared it again were dropped while its clients stayed connected and never
/// caught up (./platform chaos: 14 of 544 messages never reached their app).</summary>
[Collection(NotificationCollection.Name)]
public sealed class PushQueueTests(NotificationFixture fixture)
{
    [Fact]
    public async Task The_replicas_push_queue_is_durable_and_expires_only_once_the_replica_is_gone()
    {
        using var http = new HttpClient { BaseAddress = new Uri(TestEnvironment.RabbitManagement) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestEnvironment.RabbitUser}:{TestEnvironment.RabbitPassword}")));
        var queues = await http.GetFromJsonAsync<JsonElement>($"/api/queues/{Uri.EscapeDataString(fixture.VirtualHost.Name)}");

        var push = Assert.Single(queues.EnumerateArray(), q => q.GetProperty("name").GetString()!.Contains("push-requested"));
        Assert.True(push.GetProperty("durable").GetBoolean(), "the push queue must survive a broker restart");
        Assert.False(push.GetProperty("auto_delete").GetBoolean());
        Assert.Equal(120_000, push.GetProperty("arguments").GetProperty("x-expires").GetInt32());
        Assert.True(push.GetProperty("consumers").GetInt32() >= 1);
    }
}
