using System.Text.Json;
using Platform.Contracts.Payment;
using Platform.Contracts.Reports;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Notification.Tests;

/// <summary>The hub end to end with the SignalR .NET client: live arrival for the right user only, and catch-up after
/// being away.</summary>
[Collection(NotificationCollection.Name)]
public sealed class LiveDeliveryTests(NotificationFixture fixture)
{
    private string HubUrl => fixture.BaseUrl + "/hubs/notifications";

    [Fact]
    public async Task A_message_arrives_live_for_its_account_and_not_for_another()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid(), bystander = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        await using var mine = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(account));
        await using var theirs = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(bystander));

        var report = Guid.NewGuid();
        await fixture.PublishAsync(new ReportReadyIntegrationEvent(report, patient, "HIS-R-live", "检验", "血常规", DateTimeOffset.UtcNow));

        var message = await mine.NextAsync("message");
        Assert.Equal("报告已出", message.GetProperty("title").GetString());
        Assert.Equal($"/reports/{report}", message.GetProperty("link").GetString());
        Assert.Equal("report", message.GetProperty("category").GetString());
        Assert.Equal("normal", message.GetProperty("severity").GetString());
        Assert.True(message.TryGetProperty("createdAt", out _));
        Assert.Equal(1, (await mine.NextAsync("unreadCount")).GetProperty("count").GetInt32());
        await Assert.ThrowsAsync<TimeoutException>(() => theirs.NextAsync("message", TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task After_being_away_the_app_catches_up_on_what_it_missed_only()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        var seen = new PaymentSucceededIntegrationEvent(Guid.NewGuid(), patient, "registration", Guid.NewGuid(), 2500, "挂号费", DateTimeOffset.UtcNow);
        await fixture.PublishAsync(seen);
        await fixture.WaitForMessageAsync(seen.Id, account);
        var lastSeenId = (await fixture.MessagesPageAsync(account)).GetProperty("items")[0].GetProperty("id").GetString()!;

        // Offline: two more arrive.
        var missed = new[]
        {
            new PaymentRefundedIntegrationEvent(Guid.NewGuid(), patient, "registration", Guid.NewGuid(), 2500, "停诊退款"),
            new PaymentRefundedIntegrationEvent(Guid.NewGuid(), patient, "registration", Guid.NewGuid(), 1200, "重复缴费"),
        };
        foreach (var e in missed)
        {
            await fixture.PublishAsync(e);
            await fixture.WaitForMessageAsync(e.Id, account);
        }

        // The live pushes of those two went out while the app was away, not to the connection made now.
        await fixture.WaitForPushesSentAsync();
        await using var client = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(account));
        Assert.Equal(2, await client.CatchUpAsync(lastSeenId));
        var first = await client.NextAsync("message");
        var second = await client.NextAsync("message");
        Assert.Contains("25.00元", first.GetProperty("body").GetString()); // oldest first
        Assert.Contains("12.00元", second.GetProperty("body").GetString());
        Assert.DoesNotContain(lastSeenId, new[] { first, second }.Select(m => m.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Each_booking_step_reaches_the_patients_account_live_once_and_never_the_message_centre()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid(), bystander = Guid.NewGuid(), appointment = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        await using var mine = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(account));
        await using var theirs = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(bystander));
        using var watch = new ConsumeWatch();

        var locking = new AppointmentStatusChangedIntegrationEvent(appointment, patient, "locking", "锁号中", null);
        await fixture.PublishAsync(locking);
        await fixture.PublishAsync(locking); // redelivered
        var first = await mine.NextAsync("appointmentChanged");
        Assert.Equal(appointment, first.GetProperty("appointmentId").GetGuid());
        Assert.Equal("locking", first.GetProperty("status").GetString());
        Assert.Equal("锁号中", first.GetProperty("statusText").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("failureReason").ValueKind);
        await watch.UntilFinishedAsync(locking.Id, "AppointmentStatusChangedConsumer", 2);

        var failed = new AppointmentStatusChangedIntegrationEvent(appointment, patient, "failed", "预约失败", "医院号源已被占用，请选择其他时段");
        await fixture.PublishAsync(failed);
        // The redelivered copy pushed nothing: the next push is the next step.
        var second = await mine.NextAsync("appointmentChanged");
        Assert.Equal("failed", second.GetProperty("status").GetString());
        Assert.Equal("医院号源已被占用，请选择其他时段", second.GetProperty("failureReason").GetString());
        Assert.Equal(2, await fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM outbox_messages WHERE payload->>'method' = 'appointmentChanged' AND payload->'payload'->>'appointmentId' = '{appointment}'"));

        Assert.Equal(0, await fixture.MessagesFor(locking.Id) + await fixture.MessagesFor(failed.Id));
        await Assert.ThrowsAsync<TimeoutException>(() => theirs.NextAsync("appointmentChanged", TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task A_held_slot_becomes_a_message_linking_to_the_offer_and_a_live_offer_push()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid(), bystander = Guid.NewGuid(), offer = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        await using var mine = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(account));
        await using var theirs = await HubListener.ConnectAsync(HubUrl, NotificationFixture.Token(bystander));
        var startsAt = new DateTimeOffset(2026, 12, 8, 6, 0, 0, TimeSpan.Zero);

        var offered = new SlotOfferedIntegrationEvent(offer, patient, "rebooking", "心内科", "李医生", startsAt, startsAt.AddHours(-20));
        await fixture.PublishAsync(offered);

        var arrived = await mine.NextOfEachAsync("offerChanged", "message");
        var push = arrived["offerChanged"];
        Assert.Equal(offer, push.GetProperty("offerId").GetGuid());
        Assert.Equal("rebooking", push.GetProperty("kind").GetString());
        Assert.Equal("open", push.GetProperty("status").GetString());
        var message = arrived["message"];
        Assert.Equal("已为您保留改约号源", message.GetProperty("title").GetString());
        Assert.Equal($"/offers/{offer}", message.GetProperty("link").GetString());
        Assert.Contains("12月8日 14:00 心内科 李医生", message.GetProperty("body").GetString());
        Assert.Contains("退款", message.GetProperty("body").GetString());
        Assert.Equal(1, await fixture.MessagesFor(offered.Id));
        await Assert.ThrowsAsync<TimeoutException>(() => theirs.NextAsync("offerChanged", TimeSpan.FromSeconds(2)));

        var waitlisted = new SlotOfferedIntegrationEvent(Guid.NewGuid(), patient, "waitlist", "心内科", "李医生", startsAt, startsAt.AddHours(-23));
        await fixture.PublishAsync(waitlisted);
        var next = await mine.NextAsync("message");
        Assert.Equal("候补成功，号源已为您保留", next.GetProperty("title").GetString());
        Assert.Equal($"/offers/{waitlisted.OfferId}", next.GetProperty("link").GetString());
    }
}
