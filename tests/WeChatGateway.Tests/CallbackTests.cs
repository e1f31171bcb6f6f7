using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Security.Hashing;
using Platform.Testing;

namespace WeChatGateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class CallbackTests(GatewayFixture fixture)
{
    private GatewayStack Stack => fixture.Stack;

    private const string StateTables = """
        SELECT (SELECT count(*) FROM processed_callbacks) * 1000000 + (SELECT count(*) FROM outbox_messages) * 1000
             + (SELECT count(*) FROM wechat_users)
        """;

    private static string Sha1Sorted(params string[] parts)
    {
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    [Fact]
    public async Task Server_url_verification_echoes_only_a_correctly_signed_echostr()
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var good = await Stack.Gateway.GetAsync(
            $"/wechat/callback?signature={Sha1Sorted(WeChatSimulator.Token, ts, "n1")}&timestamp={ts}&nonce=n1&echostr=echo-123");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("echo-123", await good.Content.ReadAsStringAsync());

        var bad = await Stack.Gateway.GetAsync($"/wechat/callback?signature={Sha1Sorted("wrong", ts, "n1")}&timestamp={ts}&nonce=n1&echostr=x");
        Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
    }

    [Theory]
    [InlineData("我想挂号", "预约挂号", "/booking")]
    [InlineData("查报告", "报告查询", "/reports")]
    [InlineData("缴费", "门诊缴费", "/payments")]
    [InlineData("导航", "院内导航", "/navigation")]
    public async Task Keywords_are_answered_with_news_linking_into_the_H5_app(string text, string title, string path)
    {
        var sent = await Stack.Simulator.SendToGatewayAsync(new { fromUser = "kw-user", type = "text", content = text });
        Assert.Equal(200, sent.GetProperty("status").GetInt32());
        Assert.True(sent.GetProperty("replySignatureValid").GetBoolean());
        var reply = sent.GetProperty("reply");
        Assert.Equal("news", reply.GetProperty("msgType").GetString());
        Assert.Equal(title, reply.GetProperty("article").GetProperty("title").GetString());
        Assert.Equal("http://127.0.0.1:8080" + path, reply.GetProperty("article").GetProperty("url").GetString());
        Assert.Equal(sent.GetProperty("fromUser").GetString(), reply.GetProperty("toUserName").GetString());
    }

    [Fact]
    public async Task Unknown_text_gets_help_and_a_menu_click_gets_its_service()
    {
        var help = await Stack.Simulator.SendToGatewayAsync(new { fromUser = "kw-user", type = "text", content = "你好" });
        Assert.Contains("挂号", help.GetProperty("reply").GetProperty("content").GetString());

        var click = await Stack.Simulator.SendToGatewayAsync(new { fromUser = "kw-user", type = "event", @event = "CLICK", eventKey = "QUEUE" });
        Assert.Equal("候诊排队", click.GetProperty("reply").GetProperty("article").GetProperty("title").GetString());

        var view = await Stack.Simulator.SendToGatewayAsync(new { fromUser = "kw-user", type = "event", @event = "VIEW", eventKey = "http://127.0.0.1:8080/booking" });
        Assert.Equal("success", view.GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_retried_message_with_the_same_MsgId_is_answered_once()
    {
        var msgId = Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);
        var first = await Stack.Simulator.SendToGatewayAsync(new { fromUser = "dup-user", type = "text", content = "挂号", msgId });
        var second = await Stack.Simulator.SendToGatewayAsync(new { fromUser = "dup-user", type = "text", content = "挂号", msgId });
        Assert.Equal("news", first.GetProperty("reply").GetProperty("msgType").GetString());
        Assert.Equal("success", second.GetProperty("body").GetString());
        // The gateway keeps WeChat's dedup key only as a keyed hash.
        var dedupKey = Stack.Services.GetRequiredService<LookupHasher>().HashCaseSensitive("wechat-callback", $"msg:{msgId}");
        Assert.Equal(1, await Stack.CountAsync($"SELECT count(*) FROM processed_callbacks WHERE dedup_key = '{dedupKey}'"));
    }

    [Fact]
    public async Task Replayed_forged_and_malformed_callbacks_are_rejected_and_change_nothing()
    {
        var before = await Stack.CountAsync(StateTables);

        var replayed = await Stack.Simulator.SendToGatewayAsync(new
        {
            fromUser = "attacker-target", type = "event", @event = "subscribe",
            timestamp = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds(),
        });
        Assert.Equal(403, replayed.GetProperty("status").GetInt32());

        var forged = await Stack.Simulator.SendToGatewayAsync(new { fromUser = "attacker-target", type = "event", @event = "subscribe", forge = true });
        Assert.Equal(403, forged.GetProperty("status").GetInt32());

        var truncated = await Stack.Simulator.SendToGatewayAsync(new { fromUser = "attacker-target", rawXml = "<xml><MsgType>text</MsgType>" });
        Assert.Equal(400, truncated.GetProperty("status").GetInt32());

        const string xxe = "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName>"
            + "<CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&x;</Content><MsgId>1</MsgId></xml>";
        var entity = await Stack.Simulator.SendToGatewayAsync(new { fromUser = "attacker-target", rawXml = xxe });
        Assert.Equal(400, entity.GetProperty("status").GetInt32());

        var noSignature = await Stack.Gateway.PostAsync("/wechat/callback", new StringContent("<xml/>"));
        Assert.Equal(HttpStatusCode.BadRequest, noSignature.StatusCode);

        Assert.Equal(before, await Stack.CountAsync(StateTables));
    }

    [Fact]
    public async Task A_check_in_scan_publishes_the_scene_event_once_even_when_WeChat_retries()
    {
        var createTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var scan = new { fromUser = "scan-user", type = "event", @event = "SCAN", eventKey = "checkin:ENT-01", createTime };
        var first = await Stack.Simulator.SendToGatewayAsync(scan);
        var retry = await Stack.Simulator.SendToGatewayAsync(scan);

        Assert.Contains("ENT-01", first.GetProperty("reply").GetProperty("content").GetString());
        Assert.Equal("success", retry.GetProperty("body").GetString());
        var userId = TestKeys.WeChatUserIds.For(first.GetProperty("fromUser").GetString()!);
        Assert.Equal(1, await Stack.OutboxCountAsync("WeChatSceneScannedIntegrationEvent", userId.ToString()));
        Assert.Equal(1, await Stack.CountAsync(
            $"SELECT count(*) FROM outbox_messages WHERE payload->>'weChatUserId' = '{userId}' AND payload->>'scene' = 'checkin' AND payload->>'value' = 'ENT-01'"));
        await Eventually.Until(() => Stack.CountAsync($"SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND payload->>'weChatUserId' = '{userId}'"),
            n => n == 0, what: "scene event published to the broker");
    }

    [Fact]
    public async Task Following_through_a_map_code_welcomes_with_the_map_and_records_the_follower()
    {
        var sent = await Stack.Simulator.SendToGatewayAsync(new { fromUser = "map-user", type = "event", @event = "subscribe", eventKey = "qrscene_map:东门" });
        var userId = TestKeys.WeChatUserIds.For(sent.GetProperty("fromUser").GetString()!);
        var article = sent.GetProperty("reply").GetProperty("article");
        Assert.Equal("http://127.0.0.1:8080/navigation?from=" + Uri.EscapeDataString("东门"), article.GetProperty("url").GetString());
        Assert.Equal(1, await Stack.OutboxCountAsync("WeChatUserSubscribedIntegrationEvent", userId.ToString()));
        Assert.Equal(1, await Stack.CountAsync($"SELECT count(*) FROM wechat_users WHERE id = '{userId}' AND subscribed"));

        var plain = await Stack.Simulator.SendToGatewayAsync(new { fromUser = "welcome-user", type = "event", @event = "subscribe" });
        Assert.StartsWith("欢迎关注", plain.GetProperty("reply").GetProperty("content").GetString());

        await Stack.Simulator.SendToGatewayAsync(new { fromUser = "map-user", type = "event", @event = "unsubscribe" });
        Assert.Equal(1, await Stack.OutboxCountAsync("WeChatUserUnsubscribedIntegrationEvent", userId.ToString()));
        Assert.Equal(0, await Stack.CountAsync($"SELECT count(*) FROM wechat_users WHERE id = '{userId}' AND subscribed"));
    }

    [Fact]
    public async Task The_configured_menu_is_created_at_start_up()
    {
        var menu = await Eventually.Until(async () => await Stack.Simulator.Http.GetAsync("/$sim/menu"), r => r.IsSuccessStatusCode,
            what: "menu created");
        using var json = JsonDocument.Parse(await menu.Content.ReadAsStringAsync());
        var buttons = json.RootElement.GetProperty("button");
        Assert.Equal(3, buttons.GetArrayLength());
        Assert.Equal("http://127.0.0.1:8080/booking", buttons[0].GetProperty("sub_button")[0].GetProperty("url").GetString());
    }
}
