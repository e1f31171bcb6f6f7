using System.Text.Json;
using Platform.Contracts.WeChat;
using Platform.Testing;

namespace WeChatGateway.Tests;

public sealed class MiniProgramSendingTests(SendingFixture fixture) : IClassFixture<SendingFixture>
{
    /// <summary>The simulator's default mini-program app (tests/Simulators/WeChat/src/miniprogram-config.mjs).</summary>
    public const string MiniProgramAppId = "wx7a1b2c3d4e5f6a7b";
    public const string MiniProgramAppSecret = "platform-dev-miniprogram-secret";

    private GatewayStack Stack => fixture.Stack;

    private static WeChatMiniProgramSubscribeMessageRequestedIntegrationEvent Request(Guid weChatUserId, string templateId,
        Dictionary<string, string>? fields = null) =>
        new(Guid.NewGuid(), weChatUserId, templateId, "pages/messages/index?messageId=abc",
            fields ?? new Dictionary<string, string>
            {
                ["thing1"] = "报告已出", ["thing2"] = "您的肝功能十二项及血脂全套复查（检验）已出具，可在线查看。",
                ["time3"] = "2026-12-08 09:30", ["phrase4"] = "已出具",
            });

    private Task<long> Sent(Guid messageId, string status = "sent") =>
        Stack.CountAsync($"SELECT count(*) FROM sent_messages WHERE message_id = '{messageId}' AND status = '{status}'");

    private Task<long> Failure(Guid messageId, int errCode) => Stack.CountAsync(
        $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.WeChatMessageFailedIntegrationEvent,%' " +
        $"AND payload->>'messageId' = '{messageId}' AND payload->>'errCode' = '{errCode}' AND payload->>'permanent' = 'true'");

    private async Task<(string OpenId, Guid UserId)> MiniProgramUserAsync(string name)
    {
        var openId = (await Stack.Simulator.GetAsync($"/$sim/miniprogram/users?name={name}")).GetProperty("openid").GetString()!;
        return (openId, await Stack.KnowUserAsync(openId));
    }

    private Task<JsonElement> SentTo(string openId) => Stack.Simulator.GetAsync($"/$sim/miniprogram/subscribe/sent?openid={openId}");

    [Fact]
    public async Task A_granted_template_is_sent_once_with_the_mini_program_token_and_the_next_without_a_grant_fails_with_43101()
    {
        var (openId, userId) = await MiniProgramUserAsync("mp-once");
        await Stack.Simulator.PostAsync("/$sim/miniprogram/subscribe", new { openid = openId, results = new Dictionary<string, string> { ["TPL_MP_REPORT"] = "accept" } });

        var first = Request(userId, "TPL_MP_REPORT");
        await Stack.PublishAsync(first);
        await Eventually.Until(() => Sent(first.MessageId), n => n == 1, what: "first message sent");
        var sent = await SentTo(openId);
        Assert.Equal(1, sent.GetArrayLength());
        Assert.Equal("trial", sent[0].GetProperty("miniprogramState").GetString());
        Assert.Equal("pages/messages/index?messageId=abc", sent[0].GetProperty("page").GetString());
        var body = sent[0].GetProperty("data").GetProperty("thing2").GetProperty("value").GetString()!;
        Assert.Equal(20, body.Length);
        Assert.EndsWith("…", body);
        Assert.Equal(1, await Stack.OutboxCountAsync("WeChatMessageDeliveredIntegrationEvent", first.MessageId.ToString()));
        // Its own credential row, next to (not instead of) the service account's.
        Assert.Equal(1, await Stack.CountAsync("SELECT count(*) FROM wechat_credentials WHERE name = 'miniprogram_access_token'"));
        Assert.Equal(0, await Stack.Simulator.MessageCountAsync(openId)); // nothing went as a service-account message

        var second = Request(userId, "TPL_MP_REPORT");
        await Stack.PublishAsync(second);
        await Eventually.Until(() => Failure(second.MessageId, 43101), n => n == 1, what: "43101 reported as permanent");
        Assert.Equal(1, (await SentTo(openId)).GetArrayLength());
    }

    [Fact]
    public async Task A_value_WeChat_refuses_with_47003_fails_permanently_and_a_phrase_we_cannot_shape_is_refused_before_calling_WeChat()
    {
        var (openId, userId) = await MiniProgramUserAsync("mp-47003");
        await Stack.Simulator.PostAsync("/$sim/miniprogram/subscribe", new { openid = openId, results = new Dictionary<string, string> { ["TPL_MP_PAY"] = "accept" } });

        var notAPhrase = Request(userId, "TPL_MP_PAY", new Dictionary<string, string> { ["thing1"] = "缴费提醒", ["phrase2"] = "please pay" });
        await Stack.PublishAsync(notAPhrase);
        await Eventually.Until(() => Failure(notAPhrase.MessageId, 47003), n => n == 1, what: "refused by our own rules");

        await Stack.Simulator.FaultsAsync(new { failNext = new { path = "/cgi-bin/message/subscribe/send", errcode = 47003, count = 1 } });
        var refused = Request(userId, "TPL_MP_PAY", new Dictionary<string, string> { ["thing1"] = "缴费提醒" });
        await Stack.PublishAsync(refused);
        await Eventually.Until(() => Failure(refused.MessageId, 47003), n => n == 1, what: "WeChat's 47003 reported as permanent");
        Assert.Equal(1, await Stack.CountAsync($"SELECT attempts FROM sent_messages WHERE message_id = '{refused.MessageId}'"));

        var fine = Request(userId, "TPL_MP_PAY", new Dictionary<string, string> { ["thing1"] = "缴费提醒" });
        await Stack.PublishAsync(fine);
        await Eventually.Until(() => Sent(fine.MessageId), n => n == 1, what: "the grant was still there");
    }

    [Fact]
    public async Task A_service_account_user_id_is_not_a_mini_program_openid_and_fails_with_43101_not_a_template_message()
    {
        var serviceAccountOpenId = await Stack.Simulator.OpenIdOfAsync("mp-wrong-app");
        var userId = await Stack.KnowUserAsync(serviceAccountOpenId);
        var request = Request(userId, "TPL_MP_REPORT");
        await Stack.PublishAsync(request);
        await Eventually.Until(() => Failure(request.MessageId, 43101), n => n == 1, what: "no grant for that openid");
        Assert.Equal(0, await Stack.Simulator.MessageCountAsync(serviceAccountOpenId));
    }
}
