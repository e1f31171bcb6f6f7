using Platform.Contracts.Identity;
using Platform.Contracts.Reports;
using Platform.Testing;

namespace Notification.Tests;

/// <summary>Identity's WeChat bound/unbound events are the normal way Notification learns an account's openid.</summary>
[Collection(NotificationCollection.Name)]
public sealed class WeChatBindingEventTests(NotificationFixture fixture)
{
    private Task<long> BindingCount(Guid account, string openId) =>
        fixture.Database.ScalarAsync($"SELECT count(*) FROM wechat_bindings WHERE account_id = '{account}' AND open_id = '{openId}'");

    private Task<long> WeChatRequests(string openId) => fixture.Database.ScalarAsync(
        $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%WeChatTemplateMessageRequested%' AND payload->>'openId' = '{openId}'");

    private static ReportReadyIntegrationEvent Report(Guid patient) =>
        new(Guid.NewGuid(), patient, "HIS-R-" + Guid.NewGuid().ToString("N")[..6], "检验", "血常规", DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_bound_event_makes_reports_go_out_as_template_messages_until_unbound()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        var openId = "o" + Guid.NewGuid().ToString("N")[..27];
        await fixture.PublishAsync(new WeChatAccountBoundIntegrationEvent(account, openId));
        await Eventually.Until(() => BindingCount(account, openId), n => n == 1, what: "binding learnt from Identity");

        await fixture.PublishAsync(Report(patient));
        await Eventually.Until(() => WeChatRequests(openId), n => n == 1, what: "template message requested");

        await fixture.PublishAsync(new WeChatAccountUnboundIntegrationEvent(account));
        await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) FROM wechat_bindings WHERE account_id = '{account}'"),
            n => n == 0, what: "binding dropped");
        var after = Report(patient);
        await fixture.PublishAsync(after);
        await fixture.WaitForMessageAsync(after.Id, account);
        Assert.Equal(1, await WeChatRequests(openId));
    }

    [Fact]
    public async Task An_openid_bound_to_another_account_moves_there()
    {
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();
        var openId = "o" + Guid.NewGuid().ToString("N")[..27];
        await fixture.PublishAsync(new WeChatAccountBoundIntegrationEvent(first, openId));
        await Eventually.Until(() => BindingCount(first, openId), n => n == 1, what: "first binding");
        await fixture.PublishAsync(new WeChatAccountBoundIntegrationEvent(second, openId));
        await Eventually.Until(() => BindingCount(second, openId), n => n == 1, what: "second binding");
        Assert.Equal(0, await BindingCount(first, openId));
    }
}
