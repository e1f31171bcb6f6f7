using System.Net;
using System.Net.Http.Json;
using Platform.Contracts.Identity;
using Platform.Contracts.Reports;
using Platform.Testing;

namespace Notification.Tests;

/// <summary>Identity's WeChat bound/unbound events are the normal way Notification learns an account's WeChat user.</summary>
[Collection(NotificationCollection.Name)]
public sealed class WeChatBindingEventTests(NotificationFixture fixture)
{
    private Task<long> BindingCount(Guid account, Guid weChatUserId) =>
        fixture.Database.ScalarAsync($"SELECT count(*) FROM wechat_bindings WHERE account_id = '{account}' AND wechat_user_id = '{weChatUserId}'");

    private Task<long> WeChatRequests(Guid weChatUserId) => fixture.Database.ScalarAsync(
        $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%WeChatTemplateMessageRequested%' AND payload->>'weChatUserId' = '{weChatUserId}'");

    private static ReportReadyIntegrationEvent Report(Guid patient) =>
        new(Guid.NewGuid(), patient, "HIS-R-" + Guid.NewGuid().ToString("N")[..6], "检验", "血常规", DateTimeOffset.UtcNow);

    /// <summary>A binding only ever comes from Identity, after the account's owner confirmed it: no client, not even an
    /// integration client, can point an account's messages at a WeChat user of its choosing.</summary>
    [Fact]
    [Trait("Rubric", "S01")]
    public async Task No_caller_binds_an_account_to_a_WeChat_user_by_hand()
    {
        var account = Guid.NewGuid();
        var integration = fixture.Service.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("integration"));

        var bind = await integration.PutAsJsonAsync($"/api/notification/wechat-bindings/{account}", new { openId = "oAttacker0123456789" });

        Assert.Equal(HttpStatusCode.NotFound, bind.StatusCode);
        Assert.Equal(0, await fixture.Database.ScalarAsync($"SELECT count(*) FROM wechat_bindings WHERE account_id = '{account}'"));
    }

    [Fact]
    public async Task A_bound_event_makes_reports_go_out_as_template_messages_until_unbound()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        var weChatUser = Guid.NewGuid();
        await fixture.PublishAsync(new WeChatAccountBoundIntegrationEvent(account, weChatUser));
        await Eventually.Until(() => BindingCount(account, weChatUser), n => n == 1, what: "binding learnt from Identity");

        await fixture.PublishAsync(Report(patient));
        await Eventually.Until(() => WeChatRequests(weChatUser), n => n == 1, what: "template message requested");

        await fixture.PublishAsync(new WeChatAccountUnboundIntegrationEvent(account));
        await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) FROM wechat_bindings WHERE account_id = '{account}'"),
            n => n == 0, what: "binding dropped");
        var after = Report(patient);
        await fixture.PublishAsync(after);
        await fixture.WaitForMessageAsync(after.Id, account);
        Assert.Equal(1, await WeChatRequests(weChatUser));
    }

    [Fact]
    public async Task An_openid_bound_to_another_account_moves_there()
    {
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();
        var weChatUser = Guid.NewGuid();
        await fixture.PublishAsync(new WeChatAccountBoundIntegrationEvent(first, weChatUser));
        await Eventually.Until(() => BindingCount(first, weChatUser), n => n == 1, what: "first binding");
        await fixture.PublishAsync(new WeChatAccountBoundIntegrationEvent(second, weChatUser));
        await Eventually.Until(() => BindingCount(second, weChatUser), n => n == 1, what: "second binding");
        Assert.Equal(0, await BindingCount(first, weChatUser));
    }
}
