using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Contracts.WeChat;
using Platform.Security.Encryption;
using Platform.Testing;
using WeChat.Gateway.Application.Users;
using WeChat.Gateway.Infrastructure;

namespace WeChatGateway.Tests;

/// <summary>The gateway keeps openids only encrypted, finds users by their keyed WeChat user id, and names them by that id
/// in every event; a database from before the change is rewritten at start-up.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OpenIdProtectionTests(GatewayFixture fixture)
{
    private GatewayStack Stack => fixture.Stack;

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task After_follow_sign_in_and_a_template_message_no_table_holds_the_openid_in_clear()
    {
        var name = "priv" + Guid.NewGuid().ToString("N")[..8];
        var followed = await Stack.Simulator.SendToGatewayAsync(new { fromUser = name, type = "event", @event = "subscribe", eventKey = "qrscene_checkin:ENT-02" });
        var openId = followed.GetProperty("fromUser").GetString()!;
        var userId = TestKeys.WeChatUserIds.For(openId);

        var ticket = await SignInAsync(name);
        var redeemed = await RedeemAsync(ticket);
        Assert.Equal(openId, redeemed.GetProperty("openId").GetString());

        var request = new WeChatTemplateMessageRequestedIntegrationEvent(Guid.NewGuid(), userId, "TPL_REPORT", null,
            new Dictionary<string, string> { ["thing1"] = "检验报告已出" });
        await Stack.PublishAsync(request);
        await Eventually.Until(() => Stack.CountAsync($"SELECT count(*) FROM sent_messages WHERE message_id = '{request.MessageId}' AND status = 'sent'"),
            n => n == 1, what: "template message sent to the user found by id");
        var delivered = await Stack.Simulator.GetAsync($"/$sim/messages?openid={openId}");
        Assert.Equal("TPL_REPORT", delivered[delivered.GetArrayLength() - 1].GetProperty("payload").GetProperty("template_id").GetString());

        Assert.Equal(1, await Stack.CountAsync($"SELECT count(*) FROM wechat_users WHERE id = '{userId}' AND subscribed"));
        Assert.Equal(1, await Stack.OutboxCountAsync("WeChatUserSubscribedIntegrationEvent", userId.ToString()));
        Assert.Equal(1, await Stack.OutboxCountAsync("WeChatSceneScannedIntegrationEvent", userId.ToString()));
        Assert.Empty(await ClearTextScan.TablesContainingAsync(Stack.Database.ConnectionString, openId));
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_database_from_before_encryption_is_rewritten_at_start_up_and_keeps_its_users()
    {
        await using var database = await TestDatabase.CreateAsync("wxlegacy");
        await using (var db = MigrationTests<WeChatDbContext>.CreateContext(database.ConnectionString))
            await db.GetService<IMigrator>().MigrateAsync("20261205131721_OAuthBindIntent");
        var openId = "oLegacy" + Guid.NewGuid().ToString("N")[..21];
        var messageId = Guid.NewGuid();
        await database.ScalarAsync($"""
            INSERT INTO wechat_users (open_id, subscribed, updated_at) VALUES ('{openId}', true, now());
            INSERT INTO sent_messages (message_id, kind, open_id, status, attempts, created_at, updated_at)
                VALUES ('{messageId}', 'template', '{openId}', 'sent', 1, now(), now());
            INSERT INTO processed_callbacks (dedup_key, open_id, msg_type, received_at) VALUES ('evt:{openId}:1:subscribe', '{openId}', 'event', now());
            INSERT INTO outbox_messages (id, message_type, payload, created_at, attempts, next_attempt_at)
                VALUES (gen_random_uuid(), 'Platform.Contracts.WeChat.WeChatUserSubscribedIntegrationEvent, Platform.Contracts',
                        '{JsonSerializer.Serialize(new { openId, scene = (string?)null, at = DateTimeOffset.UtcNow })}', now(), 0, now());
            SELECT 1
            """);

        await using (var db = MigrationTests<WeChatDbContext>.CreateContext(database.ConnectionString))
        {
            await MigrationTests<WeChatDbContext>.MigrateAsync(db);
            var users = new WeChatUsers(db, TestKeys.WeChatUserIds, Stack.Services.GetRequiredService<IFieldEncryptor>());
            await new LegacyOpenIds(users, NullLogger<LegacyOpenIds>.Instance).SeedAsync(db, CancellationToken.None);

            var userId = TestKeys.WeChatUserIds.For(openId);
            Assert.Equal(openId, await users.OpenIdOfAsync(userId, CancellationToken.None));
            Assert.Equal(1, await database.ScalarAsync($"SELECT count(*) FROM wechat_users WHERE id = '{userId}' AND subscribed AND legacy_open_id IS NULL"));
            Assert.Equal(1, await database.ScalarAsync($"SELECT count(*) FROM sent_messages WHERE message_id = '{messageId}' AND wechat_user_id = '{userId}'"));
            Assert.Equal(1, await database.ScalarAsync($"SELECT count(*) FROM outbox_messages WHERE payload->>'weChatUserId' = '{userId}'"));
            Assert.Empty(await ClearTextScan.TablesContainingAsync(database.ConnectionString, openId));
        }
    }

    private async Task<string> SignInAsync(string user)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = await browser.GetAsync($"{Stack.GatewayUrl}/api/wechat/oauth/authorize?returnUrl=%2Fmine&scope=snsapi_userinfo");
        var consent = await browser.GetAsync(authorize.Headers.Location!.AbsoluteUri.Split('#')[0] + "&sim_user=" + user);
        var back = await browser.GetAsync(consent.Headers.Location!);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        return System.Web.HttpUtility.ParseQueryString(back.Headers.Location!.Query)["wxticket"]!;
    }

    private async Task<JsonElement> RedeemAsync(string ticket)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/wechat/oauth/tickets/redeem") { Content = JsonContent.Create(new { ticket }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("integration"));
        var response = await Stack.Gateway.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
