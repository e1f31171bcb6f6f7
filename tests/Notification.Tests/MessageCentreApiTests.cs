using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Pharmacy;
using Platform.Testing;

namespace Notification.Tests;

[Collection(NotificationCollection.Name)]
public sealed class MessageCentreApiTests(NotificationFixture fixture)
{
    private async Task<(Guid Account, List<Guid> EventIds)> AccountWithMessagesAsync(int count)
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var e = new MedicineReadyForPickupIntegrationEvent(patient, $"RX-{i}", $"{i + 1}号窗口", DateTimeOffset.UtcNow);
            await fixture.PublishAsync(e);
            await fixture.WaitForMessageAsync(e.Id, account); // one at a time, so creation order is known
            ids.Add(e.Id);
        }
        return (account, ids);
    }

    private static int Unread(JsonElement e) => e.GetProperty("count").GetInt32();

    [Fact]
    public async Task Another_account_can_neither_read_nor_mark_a_message()
    {
        var (owner, _) = await AccountWithMessagesAsync(1);
        var stranger = Guid.NewGuid();
        var message = (await fixture.MessagesPageAsync(owner)).GetProperty("items")[0];
        var id = message.GetProperty("id").GetGuid();

        var response = await fixture.Client(stranger).PostAsync($"/api/notification/messages/{id}/read", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound,
            (await fixture.Client(stranger).GetAsync($"/api/notification/messages?before={id}")).StatusCode);
        Assert.Empty((await fixture.MessagesPageAsync(stranger)).GetProperty("items").EnumerateArray());
        await fixture.Client(stranger).PostAsync("/api/notification/messages/read-all", null);

        var unread = await fixture.Client(owner).GetFromJsonAsync<JsonElement>("/api/notification/messages/unread-count");
        Assert.Equal(1, Unread(unread));
    }

    [Fact]
    public async Task The_message_centre_needs_a_patient_token()
    {
        var anonymous = fixture.Service.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/notification/messages")).StatusCode);
        var doctor = fixture.Service.CreateClient();
        doctor.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("doctor"));
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.GetAsync("/api/notification/messages/unread-count")).StatusCode);
    }

    [Fact]
    public async Task History_pages_newest_first_and_reading_updates_the_unread_count()
    {
        var (account, _) = await AccountWithMessagesAsync(5);
        var client = fixture.Client(account);

        var first = await fixture.MessagesPageAsync(account, "?limit=2");
        var firstItems = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["5号窗口", "4号窗口"], firstItems.Select(WindowOf));
        var next = first.GetProperty("nextBefore").GetString();
        var second = await fixture.MessagesPageAsync(account, $"?limit=2&before={next}");
        Assert.Equal(["3号窗口", "2号窗口"], second.GetProperty("items").EnumerateArray().Select(WindowOf));
        var last = await fixture.MessagesPageAsync(account, $"?limit=2&before={second.GetProperty("nextBefore").GetString()}");
        Assert.Equal(["1号窗口"], last.GetProperty("items").EnumerateArray().Select(WindowOf));
        Assert.Equal(JsonValueKind.Null, last.GetProperty("nextBefore").ValueKind);

        Assert.Equal(5, Unread(await client.GetFromJsonAsync<JsonElement>("/api/notification/messages/unread-count")));
        var read = await client.PostAsync($"/api/notification/messages/{firstItems[0].GetProperty("id").GetGuid()}/read", null);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("readAt").ValueKind);
        Assert.Equal(4, Unread(await client.GetFromJsonAsync<JsonElement>("/api/notification/messages/unread-count")));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/notification/messages/read-all", null)).StatusCode);
        Assert.Equal(0, Unread(await client.GetFromJsonAsync<JsonElement>("/api/notification/messages/unread-count")));
    }

    [Fact]
    public async Task Preferences_default_to_every_channel_and_reject_malformed_quiet_hours()
    {
        var client = fixture.Client(Guid.NewGuid());
        var defaults = await client.GetFromJsonAsync<JsonElement>("/api/notification/preferences");
        Assert.True(defaults.GetProperty("inApp").GetBoolean());
        Assert.True(defaults.GetProperty("sms").GetBoolean());
        Assert.Equal(JsonValueKind.Null, defaults.GetProperty("quietHours").ValueKind);

        var bad = await client.PutAsJsonAsync("/api/notification/preferences",
            new { inApp = true, weChat = false, sms = true, quietHours = new { start = "25:00", end = "07:00" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("validation_failed", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var good = await client.PutAsJsonAsync("/api/notification/preferences",
            new { inApp = true, weChat = false, sms = true, quietHours = new { start = "22:00", end = "07:00" } });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var saved = await client.GetFromJsonAsync<JsonElement>("/api/notification/preferences");
        Assert.False(saved.GetProperty("weChat").GetBoolean());
        Assert.Equal("22:00", saved.GetProperty("quietHours").GetProperty("start").GetString());
    }

    private static string WindowOf(JsonElement item)
    {
        var body = item.GetProperty("body").GetString()!;
        var at = body.IndexOf("号窗口", StringComparison.Ordinal);
        return body[(body.LastIndexOf('到', at) + 1)..(at + 3)];
    }
}
