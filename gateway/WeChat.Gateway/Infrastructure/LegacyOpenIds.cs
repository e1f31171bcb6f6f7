using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using WeChat.Gateway.Application.Users;

namespace WeChat.Gateway.Infrastructure;

/// <summary>Upgrades a database written before openids were encrypted: the migration <c>EncryptOpenIds</c> moved each
/// openid to <c>legacy_open_id</c> (with a placeholder id); at start-up, before the gateway serves, each user gets its
/// WeChat user id and encrypted openid, each sent message its user id, the openid is erased, and pending or kept outbox
/// messages are rewritten alike. Runs on every start and finds nothing once done.</summary>
public sealed class LegacyOpenIds(WeChatUsers users, ILogger<LegacyOpenIds> logger) : ISeeder<WeChatDbContext>
{
    /// <summary>A shadow column, erased at start-up; to be dropped by a later release.</summary>
    public const string Column = "legacy_open_id";

    public async Task SeedAsync(WeChatDbContext db, CancellationToken ct)
    {
        var rewritten = 0;
        foreach (var openId in await db.Database.SqlQuery<string>($"SELECT DISTINCT legacy_open_id AS \"Value\" FROM wechat_users WHERE legacy_open_id IS NOT NULL").ToListAsync(ct))
        {
            var id = users.IdOf(openId);
            rewritten += await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE wechat_users SET id = {id}, open_id_encrypted = {users.Seal(id, openId)}, legacy_open_id = NULL WHERE legacy_open_id = {openId}",
                ct);
        }
        foreach (var openId in await db.Database.SqlQuery<string>($"SELECT DISTINCT legacy_open_id AS \"Value\" FROM sent_messages WHERE legacy_open_id IS NOT NULL").ToListAsync(ct))
            rewritten += await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE sent_messages SET wechat_user_id = {users.IdOf(openId)}, legacy_open_id = NULL WHERE legacy_open_id = {openId}", ct);
        rewritten += await LegacyOutboxPayloads.ReplacePropertyAsync(db, "openId", "weChatUserId",
            openId => JsonValue.Create(users.IdOf(openId)), ct);
        if (rewritten > 0) logger.LogInformation("Replaced {Count} stored openid(s) by WeChat user ids", rewritten);
    }

}
