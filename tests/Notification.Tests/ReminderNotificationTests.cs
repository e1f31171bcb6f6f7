using System.Net;
using System.Net.Http.Json;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Notification.Tests;

/// <summary>「就诊提醒」 the day before: a message-centre message, and a WeChat template message when the account can be
/// reached on WeChat, otherwise an SMS (never both).</summary>
[Collection(NotificationCollection.Name)]
public sealed class ReminderNotificationTests(NotificationFixture fixture)
{
    private static readonly DateTimeOffset Tomorrow = DateTimeOffset.UtcNow.Date.AddDays(1).AddHours(1);

    private Task<long> DeliveryCount(Guid eventId, string channel) => fixture.Database.ScalarAsync(
        $"SELECT count(*) FROM deliveries d JOIN messages m ON m.id = d.message_id WHERE m.source_event_id = '{eventId}' AND d.channel = '{channel}'");

    [Fact]
    public async Task A_visit_reminder_without_wechat_goes_to_the_message_centre_and_by_sms()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid(), appointment = Guid.NewGuid();
        var phone = NotificationFixture.NewPhone();
        await fixture.RegisterPatientAsync(account, patient, phone, "王五");
        var e = new AppointmentReminderDueIntegrationEvent(appointment, patient, AppointmentReminderDueIntegrationEvent.Clinic,
            "心血管内科", "王医生", "", "", "门诊楼3楼A区", Tomorrow, Tomorrow.AddMinutes(15), "");

        await fixture.PublishAsync(e);
        await fixture.WaitForMessageAsync(e.Id, account);

        var item = Assert.Single((await fixture.MessagesPageAsync(account)).GetProperty("items").EnumerateArray());
        Assert.Equal("就诊提醒", item.GetProperty("title").GetString());
        Assert.Equal($"/appointments/{appointment}", item.GetProperty("link").GetString());
        Assert.Contains("心血管内科 王医生", item.GetProperty("body").GetString());
        Assert.Contains("门诊楼3楼A区", item.GetProperty("body").GetString());
        Assert.Equal(0, await DeliveryCount(e.Id, "wechat"));
        await Eventually.Until(() => Task.FromResult(fixture.Sms.AcceptedFor(phone)), n => n == 1, TimeSpan.FromSeconds(30), "reminder SMS");
        Assert.StartsWith("王五您好，就诊提醒：", fixture.Sms.Accepted.Single(m => m.Phone == phone).Text);
    }

    [Fact]
    public async Task An_exam_reminder_to_a_wechat_account_is_a_template_message_with_the_preparation_and_no_sms()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        var openId = "oRemind" + Guid.NewGuid().ToString("N")[..20];
        await fixture.BindWeChatAsync(account, openId);
        var e = new AppointmentReminderDueIntegrationEvent(Guid.NewGuid(), patient, AppointmentReminderDueIntegrationEvent.Exam,
            "", "", "腹部超声", "超声1室", "医技楼2楼", Tomorrow, Tomorrow.AddMinutes(15), "检查前空腹8小时");

        await fixture.PublishAsync(e);
        await fixture.WaitForMessageAsync(e.Id, account);

        var item = Assert.Single((await fixture.MessagesPageAsync(account)).GetProperty("items").EnumerateArray());
        Assert.Equal("检查提醒", item.GetProperty("title").GetString());
        Assert.Equal("/exams", item.GetProperty("link").GetString());
        Assert.Contains("检查前空腹8小时", item.GetProperty("body").GetString());
        // Channels are planned with the message, in one commit: what is there now is all there will be.
        Assert.Equal(1, await DeliveryCount(e.Id, "wechat"));
        Assert.Equal(0, await DeliveryCount(e.Id, "sms"));
        var userId = TestKeys.WeChatUserIds.For(openId);
        await Eventually.Until(() => fixture.Database.ScalarAsync(
                $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%WeChatTemplateMessageRequested%' AND payload->>'weChatUserId' = '{userId}'"),
            n => n == 1, what: "template message requested");
    }
}
