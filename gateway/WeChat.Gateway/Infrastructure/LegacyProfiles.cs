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

    public async Task SeedAsync(WeChatDbContext db, CancellationToken ct)
    {
        var legacy = await db.Users.Where(u => EF.Property<string?>(u, UnionIdColumn) != null
                || EF.Property<string?>(u, NicknameColumn) != null || EF.Property<string?>(u, HeadImageUrlColumn) != null)
            .ToListAsync(ct);
        foreach (var user in legacy)
        {
            var entry = db.Entry(user);
            string? Take(string column)
            {
                var value = entry.Property<string?>(column).CurrentValue;
                entry.Property<string?>(column).CurrentValue = null;
                return value;
            }
            users.Remember(user, new WeChatProfile(Take(UnionIdColumn), Take(NicknameColumn), Take(HeadImageUrlColumn)));
        }
        await db.SaveChangesAsync(ct);
        if (legacy.Count > 0) logger.LogInformation("Encrypted the stored profile of {Count} WeChat user(s)", legacy.Count);
    }
}
