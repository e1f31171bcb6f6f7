using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Identity;
using Platform.Contracts.Reports;
using Platform.Contracts.Scheduling;
using Platform.Contracts.WeChat;
using Platform.Testing;

namespace Notification.Tests;

[Collection(NotificationCollection.Name)]
public sealed class MiniProgramSubscriptionTests(NotificationFixture fixture)
{
    private const string Report = NotificationFixture.MiniProgramReportTemplateId;
    private const string Visit = NotificationFixture.MiniProgramVisitTemplateId;

    private sealed record Patient(Guid Account, Guid PatientId, Guid ServiceAccountUser, Guid MiniProgramUser);

    /// <summary>A patient who follows the service account (template messages reach them) and signed in from the mini-program.</summary>
    private async Task<Patient> PatientOnBothAsync()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        var serviceAccountOpenId = "oSvc" + Guid.NewGuid().ToString("N")[..24];
        var miniProgramUser = TestKeys.WeChatUserIds.For("oMp" + Guid.NewGuid().ToString("N")[..25]);
        await fixture.BindWeChatAsync(account, serviceAccountOpenId);
        await fixture.PublishAsync(new MiniProgramAccountBoundIntegrationEvent(account, miniProgramUser));
        await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) FROM miniprogram_bindings WHERE account_id = '{account}'"),
            n => n == 1, what: "mini-program binding recorded");
        return new Patient(account, patient, TestKeys.WeChatUserIds.For(serviceAccountOpenId), miniProgramUser);
    }

    private Task<HttpResponseMessage> ReportAsync(Guid account, object results) =>
        fixture.Client(account).PostAsJsonAsync("/api/notification/miniprogram/subscriptions", new { results });

    private Task<long> Requests(string kind, Guid weChatUserId) => fixture.Database.ScalarAsync(
        $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%{kind}%' AND payload->>'weChatUserId' = '{weChatUserId}'");

    private Task<long> Deliveries(Guid eventId, string channel, string? status = null) => fixture.Database.ScalarAsync(
        $"SELECT count(*) FROM deliveries d JOIN messages m ON m.id = d.message_id WHERE m.source_event_id = '{eventId}' " +
        $"AND d.channel = '{channel}'" + (status is null ? "" : $" AND d.status = '{status}'"));

    private Task<long> OneTimeGrants(Guid account, string templateId) => fixture.Database.ScalarAsync(
        $"SELECT coalesce(sum(one_time), 0) FROM miniprogram_grants WHERE account_id = '{account}' AND template_id = '{templateId}'");

    private static ReportReadyIntegrationEvent ReportReady(Guid patient) =>
        new(Guid.NewGuid(), patient, "HIS-R-" + Guid.NewGuid().ToString("N")[..6], "检验", "肝功能十二项及血脂全套复查", DateTimeOffset.UtcNow);

    private async Task<JsonElement> MiniProgramRequestFor(Guid weChatUserId)
    {
        await using var conn = new Npgsql.NpgsqlConnection(fixture.Database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            "SELECT payload::text FROM outbox_messages WHERE message_type LIKE '%WeChatMiniProgramSubscribeMessageRequested%' " +
            $"AND payload->>'weChatUserId' = '{weChatUserId}' ORDER BY created_at LIMIT 1", conn);
        return JsonDocument.Parse((string)(await cmd.ExecuteScalarAsync())!).RootElement;
    }

    [Fact]
    public async Task The_client_learns_which_templates_to_request_per_category()
    {
        var list = await fixture.Service.CreateClient().GetFromJsonAsync<JsonElement>("/api/notification/miniprogram/subscriptions/templates");
        var templates = list.GetProperty("templates").EnumerateArray()
            .ToDictionary(t => t.GetProperty("category").GetString()!, t => t);
        Assert.Equal(Report, templates["report"].GetProperty("templateId").GetString());
        Assert.Equal("报告已出", templates["report"].GetProperty("title").GetString());
        Assert.Equal("one-time", templates["report"].GetProperty("kind").GetString());
        Assert.Equal("long-term", templates["appointment"].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Bad_reports_are_refused_in_chinese_and_change_nothing()
    {
        var account = Guid.NewGuid();
        foreach (var bad in new object[] { new { }, new Dictionary<string, string> { ["tpl-unknown"] = "accept" },
                     new Dictionary<string, string> { [Report] = "maybe" } })
        {
            var response = await ReportAsync(account, bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("订阅", await response.Content.ReadAsStringAsync());
        }
        var anonymous = await fixture.Service.CreateClient().PostAsJsonAsync("/api/notification/miniprogram/subscriptions",
            new { results = new Dictionary<string, string> { [Report] = "accept" } });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, await fixture.Database.ScalarAsync($"SELECT count(*) FROM miniprogram_grants WHERE account_id = '{account}'"));
    }

    [Fact]
    public async Task A_one_time_grant_carries_one_report_as_a_mini_program_message_and_the_next_goes_as_a_template_message_never_both()
    {
        var p = await PatientOnBothAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await ReportAsync(p.Account, new Dictionary<string, string> { [Report] = "accept", [Visit] = "reject" })).StatusCode);
        Assert.Equal(1, await OneTimeGrants(p.Account, Report));

        var first = ReportReady(p.PatientId);
        await fixture.PublishAsync(first);
        await Eventually.Until(() => Requests("WeChatMiniProgramSubscribeMessageRequested", p.MiniProgramUser), n => n == 1,
            what: "mini-program subscribe message requested");
        Assert.Equal(1, await Deliveries(first.Id, "miniprogram"));
        Assert.Equal(0, await Deliveries(first.Id, "wechat"));
        Assert.Equal(0, await Requests("WeChatTemplateMessageRequested", p.ServiceAccountUser));
        Assert.Equal(0, await OneTimeGrants(p.Account, Report));

        var request = await MiniProgramRequestFor(p.MiniProgramUser);
        Assert.Equal(Report, request.GetProperty("templateId").GetString());
        Assert.StartsWith("pages/messages/index?messageId=", request.GetProperty("page").GetString());
        var fields = request.GetProperty("fields");
        Assert.Equal("报告已出", fields.GetProperty("thing1").GetString());
        var body = fields.GetProperty("thing2").GetString()!;
        Assert.Equal(20, body.Length); // the body is longer: cut to WeChat's 20 with an ellipsis
        Assert.EndsWith("…", body);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", fields.GetProperty("time3").GetString());
        Assert.Equal("已出具", fields.GetProperty("phrase4").GetString());
        Assert.DoesNotContain(p.MiniProgramUser.ToString(), request.GetProperty("page").GetString());

        // The gateway's answer settles the mini-program delivery.
        var deliveryId = Guid.Parse(request.GetProperty("messageId").GetString()!);
        await fixture.PublishAsync(new WeChatMessageDeliveredIntegrationEvent(deliveryId, null));
        await Eventually.Until(() => Deliveries(first.Id, "miniprogram", "sent"), n => n == 1, what: "mini-program delivery confirmed");

        var second = ReportReady(p.PatientId);
        await fixture.PublishAsync(second);
        await Eventually.Until(() => Requests("WeChatTemplateMessageRequested", p.ServiceAccountUser), n => n == 1,
            what: "the next report as a template message");
        Assert.Equal(0, await Deliveries(second.Id, "miniprogram"));
        Assert.Equal(1, await Deliveries(second.Id, "wechat"));
        Assert.Equal(1, await Requests("WeChatMiniProgramSubscribeMessageRequested", p.MiniProgramUser));
    }

    [Fact]
    public async Task Wechat_refusing_with_43101_clears_the_grant_and_fails_the_delivery()
    {
        var p = await PatientOnBothAsync();
        await ReportAsync(p.Account, new Dictionary<string, string> { [Report] = "accept" });
        await ReportAsync(p.Account, new Dictionary<string, string> { [Report] = "accept" });
        await ReportAsync(p.Account, new Dictionary<string, string> { [Report] = "accept" });
        Assert.Equal(3, await OneTimeGrants(p.Account, Report));

        var e = ReportReady(p.PatientId);
        await fixture.PublishAsync(e);
        await Eventually.Until(() => Requests("WeChatMiniProgramSubscribeMessageRequested", p.MiniProgramUser), n => n == 1, what: "requested");
        Assert.Equal(2, await OneTimeGrants(p.Account, Report));
        var deliveryId = Guid.Parse((await MiniProgramRequestFor(p.MiniProgramUser)).GetProperty("messageId").GetString()!);

        await fixture.PublishAsync(new WeChatMessageFailedIntegrationEvent(deliveryId, 43101, "user refuse to accept the msg", true));
        await Eventually.Until(() => Deliveries(e.Id, "miniprogram", "failed"), n => n == 1, what: "delivery failed");
        Assert.Equal(0, await OneTimeGrants(p.Account, Report));
        Assert.Equal(0, await Deliveries(e.Id, "wechat"));
    }

    [Fact]
    public async Task A_message_wechat_refused_for_its_values_47003_gives_the_one_time_grant_back()
    {
        var p = await PatientOnBothAsync();
        await ReportAsync(p.Account, new Dictionary<string, string> { [Report] = "accept" });
        var e = ReportReady(p.PatientId);
        await fixture.PublishAsync(e);
        await Eventually.Until(() => Requests("WeChatMiniProgramSubscribeMessageRequested", p.MiniProgramUser), n => n == 1, what: "requested");
        Assert.Equal(0, await OneTimeGrants(p.Account, Report));
        var deliveryId = Guid.Parse((await MiniProgramRequestFor(p.MiniProgramUser)).GetProperty("messageId").GetString()!);

        await fixture.PublishAsync(new WeChatMessageFailedIntegrationEvent(deliveryId, 47003, "argument invalid! data.thing2.value invalid", true));
        await Eventually.Until(() => Deliveries(e.Id, "miniprogram", "failed"), n => n == 1, what: "delivery failed");
        Assert.Equal(1, await OneTimeGrants(p.Account, Report));
        Assert.Equal(0, await Deliveries(e.Id, "wechat"));
    }

    [Fact]
    public async Task A_long_term_grant_is_not_spent_and_ban_ends_it()
    {
        var p = await PatientOnBothAsync();
        await ReportAsync(p.Account, new Dictionary<string, string> { [Visit] = "accept" });
        Assert.Equal(1, await fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM miniprogram_grants WHERE account_id = '{p.Account}' AND template_id = '{Visit}' AND long_term AND one_time = 0"));

        for (var i = 1; i <= 2; i++)
        {
            var start = DateTimeOffset.UtcNow.AddDays(i);
            await fixture.PublishAsync(new AppointmentBookedIntegrationEvent(Guid.NewGuid(), p.PatientId, "心血管内科", "王医生",
                "门诊楼三层", start, start.AddMinutes(30), true));
            var expected = i;
            await Eventually.Until(() => Requests("WeChatMiniProgramSubscribeMessageRequested", p.MiniProgramUser), n => n == expected,
                what: $"booking {i} as a mini-program message");
        }
        Assert.Equal(0, await Requests("WeChatTemplateMessageRequested", p.ServiceAccountUser)); // no template for appointment here anyway

        await ReportAsync(p.Account, new Dictionary<string, string> { [Visit] = "ban" });
        Assert.Equal(1, await fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM miniprogram_grants WHERE account_id = '{p.Account}' AND template_id = '{Visit}' AND NOT long_term"));
        var later = DateTimeOffset.UtcNow.AddDays(5);
        var third = new AppointmentBookedIntegrationEvent(Guid.NewGuid(), p.PatientId, "心血管内科", "王医生", "门诊楼三层", later, later.AddMinutes(30), true);
        await fixture.PublishAsync(third);
        await fixture.WaitForMessageAsync(third.Id, p.Account);
        Assert.Equal(0, await Deliveries(third.Id, "miniprogram"));
        Assert.Equal(2, await Requests("WeChatMiniProgramSubscribeMessageRequested", p.MiniProgramUser));
    }

    [Fact]
    public async Task Without_a_mini_program_sign_in_grants_do_not_divert_messages()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        var openId = "oSvc" + Guid.NewGuid().ToString("N")[..24];
        await fixture.BindWeChatAsync(account, openId);
        await ReportAsync(account, new Dictionary<string, string> { [Report] = "accept" });

        var e = ReportReady(patient);
        await fixture.PublishAsync(e);
        await Eventually.Until(() => Deliveries(e.Id, "wechat"), n => n == 1, what: "template message planned");
        Assert.Equal(0, await Deliveries(e.Id, "miniprogram"));
        Assert.Equal(1, await OneTimeGrants(account, Report));
    }
}
