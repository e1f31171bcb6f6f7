using Microsoft.EntityFrameworkCore;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.Security.Pseudonyms;
using System.Text.Json.Nodes;

namespace Notification.API.Infrastructure;

/// <summary>Upgrades a database written before openids were replaced by opaque WeChat user ids: the migration
/// <c>WeChatUserIds</c> moved each openid to <c>legacy_open_id</c> (with a placeholder id); at start-up, before the service
/// serves, each row gets its real WeChat user id and the openid is erased, and pending or kept outbox messages are
/// rewritten alike. Runs on every start and finds nothing once done.</summary>
public sealed class LegacyOpenIds(WeChatUserIds weChatUserIds, ILogger<LegacyOpenIds> logger) : ISeeder<NotificationDbContext>
{
    /// <summary>A shadow column, erased at start-up; to be dropped by a later release.</summary>
    public const string Column = "legacy_open_id";

    public async Task SeedAsync(NotificationDbContext db, CancellationToken ct)
    {
        var rewritten = 0;
        var bindings = await db.Database.SqlQuery<string>(
            $"SELECT legacy_open_id AS \"Value\" FROM wechat_bindings WHERE legacy_open_id IS NOT NULL").ToListAsync(ct);
        foreach (var openId in bindings)
            rewritten += await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE wechat_bindings SET wechat_user_id = {weChatUserIds.For(openId)}, legacy_open_id = NULL WHERE legacy_open_id = {openId}", ct);
        var followers = await db.Database.SqlQuery<string>(
            $"SELECT legacy_open_id AS \"Value\" FROM wechat_followers WHERE legacy_open_id IS NOT NULL").ToListAsync(ct);
        foreach (var openId in followers)
            rewritten += await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE wechat_followers SET wechat_user_id = {weChatUserIds.For(openId)}, legacy_open_id = NULL WHERE legacy_open_id = {openId}", ct);
        rewritten += await LegacyOutboxPayloads.ReplacePropertyAsync(db, "openId", "weChatUserId",
            openId => JsonValue.Create(weChatUserIds.For(openId)), ct);
        if (rewritten > 0) logger.LogInformation("Replaced {Count} stored openid(s) by WeChat user ids", rewritten);
    }
}
