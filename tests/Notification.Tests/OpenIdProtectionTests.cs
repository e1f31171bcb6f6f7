using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Notification.API.Infrastructure;
using Platform.Contracts.Reports;
using Platform.Contracts.WeChat;
using Platform.Testing;

namespace Notification.Tests;

/// <summary>Notification keeps no openid: a WeChat user is a keyed opaque id here and in every event; a database from before
/// the change is rewritten at start-up without losing a binding.</summary>
[Collection(NotificationCollection.Name)]
public sealed class OpenIdProtectionTests(NotificationFixture fixture)
{
    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_bound_and_followed_WeChat_user_gets_template_messages_and_no_table_holds_the_openid()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        await fixture.RegisterPatientAsync(account, patient, NotificationFixture.NewPhone());
        var openId = "oPriv" + Guid.NewGuid().ToString("N")[..23];
        var userId = TestKeys.WeChatUserIds.For(openId);
        await fixture.BindWeChatAsync(account, openId);
        await fixture.PublishAsync(new WeChatUserSubscribedIntegrationEvent(userId, null, DateTimeOffset.UtcNow));
        await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) FROM wechat_followers WHERE wechat_user_id = '{userId}' AND subscribed"),
            n => n == 1, what: "follow recorded");

        var e = new ReportReadyIntegrationEvent(Guid.NewGuid(), patient, "HIS-R-p", "检验", "尿常规", DateTimeOffset.UtcNow);
        await fixture.PublishAsync(e);
        await Eventually.Until(() => fixture.Database.ScalarAsync(
                $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%WeChatTemplateMessageRequested%' AND payload->>'weChatUserId' = '{userId}'"),
            n => n == 1, what: "template message requested for the bound user");

        Assert.Empty(await ClearTextScan.TablesContainingAsync(fixture.Database.ConnectionString, openId));
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_database_with_openids_in_clear_is_rewritten_at_start_up_and_keeps_every_binding()
    {
        await using var database = await TestDatabase.CreateAsync("ntlegacy");
        await using (var db = MigrationTests<NotificationDbContext>.CreateContext(database.ConnectionString))
            await db.GetService<IMigrator>().MigrateAsync("20261205075630_Initial");
        Guid account = Guid.NewGuid(), other = Guid.NewGuid();
        var openId = "oLegacy" + Guid.NewGuid().ToString("N")[..21];
        var otherOpenId = "oLegacy" + Guid.NewGuid().ToString("N")[..21];
        var request = JsonSerializer.Serialize(new { messageId = Guid.NewGuid(), openId, templateId = "tpl", fields = new { } });
        await database.ScalarAsync($"""
            INSERT INTO wechat_bindings (account_id, open_id, bound_at) VALUES ('{account}', '{openId}', now()), ('{other}', '{otherOpenId}', now());
            INSERT INTO wechat_followers (open_id, subscribed, changed_at) VALUES ('{openId}', true, now());
            INSERT INTO outbox_messages (id, message_type, payload, created_at, attempts, next_attempt_at)
                VALUES (gen_random_uuid(), 'Platform.Contracts.WeChat.WeChatTemplateMessageRequestedIntegrationEvent, Platform.Contracts',
                        '{request}', now(), 0, now());
            SELECT 1
            """);

        await using (var db = MigrationTests<NotificationDbContext>.CreateContext(database.ConnectionString))
        {
            await MigrationTests<NotificationDbContext>.MigrateAsync(db);
            await new LegacyOpenIds(TestKeys.WeChatUserIds, NullLogger<LegacyOpenIds>.Instance).SeedAsync(db, CancellationToken.None);
        }

        var userId = TestKeys.WeChatUserIds.For(openId);
        Assert.Equal(1, await database.ScalarAsync($"SELECT count(*) FROM wechat_bindings WHERE account_id = '{account}' AND wechat_user_id = '{userId}'"));
        Assert.Equal(1, await database.ScalarAsync(
            $"SELECT count(*) FROM wechat_bindings WHERE account_id = '{other}' AND wechat_user_id = '{TestKeys.WeChatUserIds.For(otherOpenId)}'"));
        Assert.Equal(1, await database.ScalarAsync($"SELECT count(*) FROM wechat_followers WHERE wechat_user_id = '{userId}' AND subscribed"));
        Assert.Equal(1, await database.ScalarAsync($"SELECT count(*) FROM outbox_messages WHERE payload->>'weChatUserId' = '{userId}'"));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM wechat_bindings WHERE legacy_open_id IS NOT NULL"));
        Assert.Empty(await ClearTextScan.TablesContainingAsync(database.ConnectionString, openId));
        Assert.Empty(await ClearTextScan.TablesContainingAsync(database.ConnectionString, otherOpenId));
    }
}
