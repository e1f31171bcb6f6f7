using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Contracts.Hospital;
using Platform.Testing;

namespace Messaging.Tests;

public sealed class TraceAndDeadLetterTests(StackBackboneFixture fixture) : IClassFixture<StackBackboneFixture>
{
    [Fact]
    public async Task The_callers_trace_follows_the_change_through_the_outbox_and_broker_into_the_consumers_work()
    {
        var client = fixture.Hospital.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("staff"));
        var departments = await client.GetFromJsonAsync<JsonElement>("/api/hospital/departments");
        var id = departments[0].GetProperty("id").GetGuid();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/hospital/departments/{id}")
        {
            Content = JsonContent.Create(new { name = departments[0].GetProperty("name").GetString(), summary = "链路追踪测试" }),
        };
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-b7ad6b7169203331-01");
        (await client.SendAsync(request)).EnsureSuccessStatusCode();

        // The writer's row names the request's trace; the consumer, reached through the broker, writes its own
        // outgoing message inside the same trace.
        var sql = $"SELECT count(*) FROM outbox_messages WHERE trace_parent LIKE '00-{traceId}-%' AND correlation_id = '{traceId}'";
        Assert.Equal(1, await fixture.HospitalDb.ScalarAsync(sql));
        await Eventually.Until(() => fixture.NotificationDb.ScalarAsync(sql), n => n == 1,
            what: "the consumer's own outgoing message inside the caller's trace");
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_retried_then_parked_in_the_error_queue()
    {
        // Without a MessageId the idempotent consumer cannot deduplicate and refuses the message every time.
        var e = new DepartmentChangedIntegrationEvent(Guid.NewGuid(), "dead-letter", "死信测试科", "本部院区", DepartmentChangeKind.Updated);
        await TestBus.PublishAsync(fixture.AmqpUri, ctx => ctx.MessageId = null, e);

        using var management = new HttpClient { BaseAddress = new Uri(TestEnvironment.RabbitManagement) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestEnvironment.RabbitUser}:{TestEnvironment.RabbitPassword}")));
        var queue = $"/api/queues/{Uri.EscapeDataString(fixture.VirtualHost.Name)}/notification-department-changed_error";
        await Eventually.Until(async () =>
        {
            var response = await management.GetAsync(queue);
            if (!response.IsSuccessStatusCode) return 0L;
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return body.TryGetProperty("messages", out var m) ? m.GetInt64() : 0L;
        }, n => n == 1, TimeSpan.FromSeconds(60), "the failed message in the error queue");
    }
}
