using Microsoft.EntityFrameworkCore;
using Platform.Persistence;
using WeChat.Gateway.Application.Users;
using WeChat.Gateway.Domain;

namespace WeChat.Gateway.Infrastructure;

/// <summary>Upgrades a database written before profiles were encrypted: the migration <c>EncryptProfiles</c> moved each
/// user's unionid, nickname and avatar to <c>legacy_*</c> columns; at start-up, before the gateway serves, they are
/// sealed into <see cref="WeChatUser.ProfileEncrypted"/> and erased. Runs on every start and finds nothing once done.</summary>
public sealed class LegacyProfiles(WeChatUsers users, ILogger<LegacyProfiles> logger) : ISeeder<WeChatDbContext>
{
    /// <summary>Shadow columns, erased at start-up; to be dropped by a later release.</summary>
    public const string UnionIdColumn = "legacy_union_id", NicknameColumn = "legacy_nickname", HeadImageUrlColumn = "legacy_head_image_url";

    // Read by name through the snake-case convention.
    private sealed record Legacy(Guid Id, string? UnionId, string? Nickname, string? HeadImageUrl);

    public async Task SeedAsync(WeChatDbContext db, CancellationToken ct)
    {
        var legacy = await db.Database.SqlQuery<Legacy>($"""
            SELECT id, legacy_union_id AS union_id, legacy_nickname AS nickname, legacy_head_image_url AS head_image_url
            FROM wechat_users
            WHERE legacy_union_id IS NOT NULL OR legacy_nickname IS NOT NULL OR legacy_head_image_url IS NOT NULL
            """).ToListAsync(ct);
        foreach (var row in legacy)
        {
            var user = await db.Users.SingleAsync(u => u.Id == row.Id, ct);
            users.Remember(user, new WeChatProfile(row.UnionId, row.Nickname, row.HeadImageUrl));
            db.Entry(user).Property<string?>(UnionIdColumn).CurrentValue = null;
            db.Entry(user).Property<string?>(NicknameColumn).CurrentValue = null;
            db.Entry(user).Property<string?>(HeadImageUrlColumn).CurrentValue = null;
            await db.SaveChangesAsync(ct);
        }
        if (legacy.Count > 0) logger.LogInformation("Encrypted the stored profile of {Count} WeChat user(s)", legacy.Count);
    }
}
