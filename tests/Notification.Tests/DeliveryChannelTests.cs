using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Notification.API.Domain;
using Platform.Contracts.Reports;
using Platform.Contracts.Scheduling;
using Platform.Contracts.WeChat;
using Platform.Testing;

namespace Notification.Tests;

[Collection(NotificationCollection.Name)]
public sealed class DeliveryChannelTests(NotificationFixture fixture)
{
    private static CriticalValueDetectedIntegrationEvent CriticalValue(Guid patient) =>
        new(patient, "HIS-R-" + Guid.NewGuid().ToString("N")[..6], "血钾", "6.9", "mmol/L", "3.5-5.3", DateTimeOffset.UtcNow);

    /// <summary>Another patient's critical SMS, raised after the deliveries under test: once it was accepted, the
    /// delivery worker has made a round that saw them (instead of sleeping and hoping it has).</summary>
    private async Task DeliveryRoundPassedAsync()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        var phone = NotificationFixture.NewPhone();
        await fixture.RegisterPatientAsync(account, patient, phone);
        await fixture.PublishAsync(CriticalValue(patient));
        await Eventually.Until(() => Task.FromResult(fixture.Sms.AcceptedFor(phone)), n => n == 1, TimeSpan.FromSeconds(30),
            "a later patient's SMS sent");
    }

    /// <summary>Quiet hours that cover the present moment in China Standard Time.</summary>
    private static object QuietNow()
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, NotificationPreferences.ChinaTime);
        return new { inApp = true, weChat = true, sms = true,
            quietHours = new { start = local.AddHours(-1).ToString("HH:mm"), end = local.AddHours(2).ToString("HH:mm") } };
    }

    private Task<long> DeliveryCount(Guid eventId, string channel, string? status = null) => fixture.Database.ScalarAsync(
        $"SELECT count(*) FROM deliveries d JOIN messages m ON m.id = d.message_id WHERE m.source_event_id = '{eventId}' " +
        $"AND d.channel = '{channel}'" + (status is null ? "" : $" AND d.status = '{status}'"));

    [Fact]
    public async Task A_critical_value_during_quiet_hours_is_sent_by_sms_at_once()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        var phone = NotificationFixture.NewPhone();
        await fixture.RegisterPatientAsync(account, patient, phone, "李四");
        var put = await fixture.Client(account).PutAsJsonAsync("/api/notification/preferences", QuietNow());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var e = CriticalValue(patient);
        await fixture.PublishAsync(e);
        await Eventually.Until(() => Task.FromResult(fixture.Sms.AcceptedFor(phone)), n => n == 1, TimeSpan.FromSeconds(15), "critical SMS");

        var sms = fixture.Sms.Accepted.Single(m => m.Phone == phone);
        Assert.Equal("notice", sms.Template);
        Assert.StartsWith("李四您好", sms.Text);
        Assert.DoesNotContain("6.9", sms.Text); // lock screens: no result values in SMS
        // The worker records the delivery after the provider accepted it.
        await Eventually.Until(() => DeliveryCount(e.Id, "sms", "sent"), n => n == 1, TimeSpan.FromSeconds(10), "the SMS delivery recorded as sent");
    }

    [Fact]
    public async Task A_stop_clinic_notice_during_quiet_hours_waits_for_them_to_end()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        var phone = NotificationFixture.NewPhone();
        await fixture.RegisterPatientAsync(account, patient, phone);
        await fixture.Client(account).PutAsJsonAsync("/api/notification/preferences", QuietNow());

        var start = DateTimeOffset.UtcNow.AddDays(1);
        var e = new ClinicStoppedIntegrationEvent("S-q", "眼科", "赵医生", start, start.AddHours(3), "设备检修", [patient]);
        await fixture.PublishAsync(e);
        await fixture.WaitForMessageAsync(e.Id, account);
        await DeliveryRoundPassedAsync();

        Assert.Equal(0, fixture.Sms.AcceptedFor(phone));
        Assert.Equal(1, await DeliveryCount(e.Id, "sms", "pending"));
        Assert.Equal(1, await fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM deliveries d JOIN messages m ON m.id = d.message_id WHERE m.source_event_id = '{e.Id}' " +
            "AND d.channel = 'sms' AND d.next_attempt_at > now() + interval '30 minutes'"));
        Assert.Equal(1, await DeliveryCount(e.Id, "in-app", "sent")); // the app still shows it, silently
    }

    [Fact]
    public async Task An_sms_provider_failing_then_recovering_sends_exactly_once()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        var phone = NotificationFixture.NewPhone();
        await fixture.RegisterPatientAsync(account, patient, phone);
        fixture.Sms.FailNext(phone, 3);

        var e = CriticalValue(patient);
        await fixture.PublishAsync(e);
        await Eventually.Until(() => DeliveryCount(e.Id, "sms", "sent"), n => n == 1, TimeSpan.FromSeconds(30), "SMS sent after retries");
        await DeliveryRoundPassedAsync(); // a second send would have happened by now

        Assert.Equal(3, fixture.Sms.Refused.Count(p => p == phone));
        Assert.Equal(1, fixture.Sms.AcceptedFor(phone));
        Assert.Equal(4, await fixture.Database.ScalarAsync(
            $"SELECT d.attempts FROM deliveries d JOIN messages m ON m.id = d.message_id WHERE m.source_event_id = '{e.Id}' AND d.channel = 'sms'"));
    }

    [Fact]
    public async Task A_report_goes_to_the_bound_openid_as_a_template_message_and_the_outcome_is_recorded()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        var openId = "oTest" + Guid.NewGuid().ToString("N")[..20];
        await fixture.BindWeChatAsync(account, openId);

        var report = Guid.NewGuid();
        var e = new ReportReadyIntegrationEvent(report, patient, "HIS-R-w", "检验", "肝功能", DateTimeOffset.UtcNow);
        await fixture.PublishAsync(e);
        var userId = TestKeys.WeChatUserIds.For(openId);
        var requests = $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%WeChatTemplateMessageRequested%' AND payload->>'weChatUserId' = '{userId}'";
        await Eventually.Until(() => fixture.Database.ScalarAsync(requests), n => n == 1, what: "template message requested");
        var deliveryId = await ScalarGuid(
            $"SELECT d.id::text FROM deliveries d JOIN messages m ON m.id = d.message_id WHERE m.source_event_id = '{e.Id}' AND d.channel = 'wechat'");
        Assert.Equal(1, await fixture.Database.ScalarAsync(requests +
            $" AND payload->>'templateId' = '{NotificationFixture.ReportTemplateId}' AND payload->>'messageId' = '{deliveryId}'" +
            $" AND payload->>'url' = 'https://h5.example-hospital.cn/reports/{report}'"));
        Assert.Equal(1, await DeliveryCount(e.Id, "wechat", "pending"));

        await fixture.PublishAsync(new WeChatMessageDeliveredIntegrationEvent(deliveryId, 400123456789));
        await Eventually.Until(() => DeliveryCount(e.Id, "wechat", "sent"), n => n == 1, what: "WeChat delivery confirmed");
    }

    [Fact]
    public async Task An_openid_that_unfollowed_gets_no_template_message()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        var openId = "oGone" + Guid.NewGuid().ToString("N")[..20];
        await fixture.BindWeChatAsync(account, openId);
        var userId = TestKeys.WeChatUserIds.For(openId);
        var bye = new WeChatUserUnsubscribedIntegrationEvent(userId, DateTimeOffset.UtcNow);
        await fixture.PublishAsync(bye);
        await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) FROM wechat_followers WHERE wechat_user_id = '{userId}' AND NOT subscribed"),
            n => n == 1, what: "unfollow recorded");

        var e = new ReportReadyIntegrationEvent(Guid.NewGuid(), patient, "HIS-R-u", "检验", "血脂", DateTimeOffset.UtcNow);
        await fixture.PublishAsync(e);
        await fixture.WaitForMessageAsync(e.Id, account);
        Assert.Equal(0, await DeliveryCount(e.Id, "wechat"));
    }

    private async Task<Guid> ScalarGuid(string sql)
    {
        await using var conn = new Npgsql.NpgsqlConnection(fixture.Database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        return Guid.Parse((string)(await cmd.ExecuteScalarAsync())!);
    }
}
