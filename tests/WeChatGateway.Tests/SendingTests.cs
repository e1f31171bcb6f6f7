using Platform.Contracts.WeChat;
using Platform.Testing;

namespace WeChatGateway.Tests;

public sealed class SendingFixture : IAsyncLifetime
{
    public GatewayStack Stack { get; private set; } = null!;
    public async Task InitializeAsync() => Stack = await GatewayStack.StartAsync();
    public async Task DisposeAsync() => await Stack.DisposeAsync();
}

public sealed class SendingTests(SendingFixture fixture) : IClassFixture<SendingFixture>
{
    private GatewayStack Stack => fixture.Stack;

    private static WeChatTemplateMessageRequestedIntegrationEvent Template(Guid weChatUserId) =>
        new(Guid.NewGuid(), weChatUserId, "TPL_BOOKING_OK", "http://127.0.0.1:8080/booking",
            new Dictionary<string, string> { ["thing1"] = "心血管内科门诊复诊预约已成功请按时到院就诊", ["time2"] = "2024-06-01 09:30" });

    private Task<long> Sent(Guid messageId, string status = "sent") =>
        Stack.CountAsync($"SELECT count(*) FROM sent_messages WHERE message_id = '{messageId}' AND status = '{status}'");

    [Fact]
    public async Task A_token_rejected_in_the_middle_of_sending_is_replaced_once_and_the_message_goes_out_once()
    {
        var openId = await Stack.Simulator.OpenIdOfAsync("token-user");
        var userId = await Stack.KnowUserAsync(openId);
        await Eventually.Until(() => Stack.CountAsync("SELECT count(*) FROM wechat_credentials WHERE name = 'access_token'"), n => n == 1);
        var forcedBefore = await Stack.Simulator.CounterAsync("stableTokenForced");
        await Stack.Simulator.FaultsAsync(new { failNext = new { path = "/cgi-bin/message/template/send", errcode = 40001, count = 1 } });

        var request = Template(userId);
        await Stack.PublishAsync(request);

        await Eventually.Until(() => Sent(request.MessageId), n => n == 1, what: "message sent");
        Assert.Equal(1, await Stack.Simulator.MessageCountAsync(openId));
        Assert.Equal(forcedBefore + 1, await Stack.Simulator.CounterAsync("stableTokenForced"));
        Assert.Equal(1, await Stack.OutboxCountAsync("WeChatMessageDeliveredIntegrationEvent", request.MessageId.ToString()));
        var messages = await Stack.Simulator.GetAsync($"/$sim/messages?openid={openId}");
        Assert.Equal("心血管内科门诊复诊预约已成功请按时到院…", messages[0].GetProperty("payload").GetProperty("data").GetProperty("thing1").GetProperty("value").GetString());
    }

    [Fact]
    public async Task While_WeChat_is_down_the_message_waits_and_arrives_exactly_once_when_it_returns()
    {
        var openId = await Stack.Simulator.OpenIdOfAsync("outage-user");
        var userId = await Stack.KnowUserAsync(openId);
        var refusedBefore = await Stack.Simulator.RefusedWhileDownAsync();
        await Stack.Simulator.FaultsAsync(new { down = true });
        var request = Template(userId);
        await Stack.PublishAsync(request);
        await Eventually.Until(() => Stack.Simulator.RefusedWhileDownAsync(), n => n > refusedBefore, what: "an attempt refused by WeChat");
        Assert.Equal(0, await Stack.Simulator.MessageCountAsync(openId));

        await Stack.Simulator.FaultsAsync(new { down = false });
        // The gateway records the send once WeChat has taken it; attempts are sequential, so none can follow it.
        await Eventually.Until(() => Sent(request.MessageId), n => n == 1, what: "message delivered after the outage");
        Assert.Equal(1, await Stack.Simulator.MessageCountAsync(openId));
    }

    [Fact]
    public async Task The_same_request_delivered_twice_under_different_broker_ids_is_sent_once()
    {
        var openId = await Stack.Simulator.OpenIdOfAsync("twice-user");
        var userId = await Stack.KnowUserAsync(openId);
        var request = Template(userId);
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();
        using var watch = new ConsumeWatch();
        await Stack.PublishAsync(request, first);
        await Stack.PublishAsync(request, second);
        await watch.UntilFinishedAsync(first, "WeChatTemplateMessageRequestedConsumer", copies: 1);
        await watch.UntilFinishedAsync(second, "WeChatTemplateMessageRequestedConsumer", copies: 1);
        Assert.Equal(1, await Sent(request.MessageId));
        Assert.Equal(1, await Stack.Simulator.MessageCountAsync(openId));
        Assert.Equal(1, await Stack.OutboxCountAsync("WeChatMessageDeliveredIntegrationEvent", request.MessageId.ToString()));
    }

    [Fact]
    public async Task An_invalid_openid_fails_permanently_without_retrying()
    {
        var request = Template(await Stack.KnowUserAsync("not-an-openid"));
        await Stack.PublishAsync(request);
        await Eventually.Until(() => Sent(request.MessageId, "failed"), n => n == 1);
        Assert.Equal(1, await Stack.CountAsync(
            $"SELECT count(*) FROM outbox_messages WHERE payload->>'messageId' = '{request.MessageId}' AND payload->>'errCode' = '40003' AND payload->>'permanent' = 'true'"));
        Assert.Equal(1, await Stack.CountAsync($"SELECT attempts FROM sent_messages WHERE message_id = '{request.MessageId}'"));
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_WeChat_user_the_gateway_never_saw_fails_permanently_without_calling_WeChat()
    {
        var sentBefore = await Stack.CountAsync("SELECT count(*) FROM sent_messages WHERE status = 'sent'");
        var request = Template(Guid.NewGuid());
        await Stack.PublishAsync(request);
        await Eventually.Until(() => Sent(request.MessageId, "failed"), n => n == 1, what: "unknown user recorded as failed");
        Assert.Equal(1, await Stack.CountAsync(
            $"SELECT count(*) FROM outbox_messages WHERE payload->>'messageId' = '{request.MessageId}' AND payload->>'errCode' = '40003' AND payload->>'permanent' = 'true'"));
        Assert.Equal(sentBefore, await Stack.CountAsync("SELECT count(*) FROM sent_messages WHERE status = 'sent'"));
    }

    [Fact]
    public async Task Customer_service_and_subscription_messages_are_sent()
    {
        var openId = await Stack.Simulator.OpenIdOfAsync("cs-user");
        var userId = await Stack.KnowUserAsync(openId);
        var text = new WeChatCustomerServiceMessageRequestedIntegrationEvent(Guid.NewGuid(), userId, "您的报告已出，请查看");
        var notice = new WeChatSubscribeMessageRequestedIntegrationEvent(Guid.NewGuid(), userId, "TPL_SUB", "http://127.0.0.1:8080/reports",
            new Dictionary<string, string> { ["thing1"] = "血常规报告" });
        await Stack.PublishAsync(text);
        await Stack.PublishAsync(notice);
        await Eventually.Until(() => Stack.Simulator.MessageCountAsync(openId), n => n == 2, what: "both messages delivered");
        // The gateway records each send after WeChat accepted it.
        await Eventually.Until(() => Sent(text.MessageId), n => n == 1, what: "the text recorded as sent");
        await Eventually.Until(() => Sent(notice.MessageId), n => n == 1, what: "the notice recorded as sent");
    }
}
