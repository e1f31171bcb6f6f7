using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Hospital;
using Notification.API.Consumers;
using Platform.Testing;

namespace Messaging.Tests;

public sealed class OutboxAndInboxTests(PrivateBrokerBackboneFixture fixture) : IClassFixture<PrivateBrokerBackboneFixture>
{
    private const string HandledDepartmentEvents =
        "SELECT count(*) FROM inbox_messages WHERE consumer = 'DepartmentChangedConsumer'";
    private const string PushesQueued = "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%PushRequested%'";
    private const string Unsent = "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL";

    private HttpClient StaffClient()
    {
        var client = fixture.Hospital.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("staff"));
        return client;
    }

    private async Task EditDepartmentsAsync(int count, string label)
    {
        var client = StaffClient();
        var departments = await client.GetFromJsonAsync<JsonElement>("/api/hospital/departments");
        for (var i = 0; i < count; i++)
        {
            var d = departments[i % departments.GetArrayLength()];
            var response = await client.PutAsJsonAsync($"/api/hospital/departments/{d.GetProperty("id").GetGuid()}",
                new { name = d.GetProperty("name").GetString(), summary = $"{label} 第{i}次修改" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Events_committed_while_the_broker_is_down_arrive_exactly_once_after_it_returns()
    {
        using var watch = new ConsumeWatch();
        var handledBefore = await fixture.NotificationDb.ScalarAsync(HandledDepartmentEvents);
        await EditDepartmentsAsync(5, "联通时");
        await Eventually.Until(() => fixture.NotificationDb.ScalarAsync(HandledDepartmentEvents), n => n == handledBefore + 5,
            what: "events handled before the outage");

        await fixture.Broker.StopAsync();
        await EditDepartmentsAsync(10, "中断时");
        Assert.Equal(10, await fixture.HospitalDb.ScalarAsync(Unsent));

        await fixture.Broker.StartAgainAsync();
        await Eventually.Until(() => fixture.HospitalDb.ScalarAsync(Unsent), n => n == 0, TimeSpan.FromSeconds(90),
            "outbox drained after the broker returned");
        await Eventually.Until(() => fixture.NotificationDb.ScalarAsync(HandledDepartmentEvents),
            n => n >= handledBefore + 15, TimeSpan.FromSeconds(60), "events handled after the outage");

        // A marker edit leaves the same outbox after all the others and crosses the same queue behind them: once it
        // was handled and nothing is in flight, every copy of the earlier events has been handled too.
        await EditDepartmentsAsync(1, "标记");
        await Eventually.Until(() => fixture.NotificationDb.ScalarAsync(HandledDepartmentEvents), n => n >= handledBefore + 16,
            what: "the marker handled");
        await Eventually.Until(() => Task.FromResult(watch.InFlight), n => n == 0, what: "no message in flight");
        var handled = await fixture.NotificationDb.ScalarAsync(HandledDepartmentEvents);
        Assert.Equal(handledBefore + 16, handled);
        Assert.Equal(handled, await fixture.NotificationDb.ScalarAsync(PushesQueued));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_acted_on_once()
    {
        var e = new DepartmentChangedIntegrationEvent(Guid.NewGuid(), "dup-test", "重复消息测试科", "本部院区", DepartmentChangeKind.Updated);
        using var watch = new ConsumeWatch();
        await TestBus.PublishAsync(fixture.AmqpUri, ctx => ctx.MessageId = e.Id, e, e, e);

        await watch.UntilFinishedAsync(e.Id, nameof(DepartmentChangedConsumer), copies: 3);
        var sql = $"SELECT count(*) FROM outbox_messages WHERE payload->>'id' = '{e.Id}'";
        Assert.Equal(1, await fixture.NotificationDb.ScalarAsync(sql));
        Assert.Equal(1, await fixture.NotificationDb.ScalarAsync($"SELECT count(*) FROM inbox_messages WHERE message_id = '{e.Id}'"));
    }
}
