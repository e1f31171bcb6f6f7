using Npgsql;
using Platform.Persistence;
using WeChat.Gateway.Infrastructure;

namespace WeChat.Gateway.Application.Credentials;

/// <summary>The shared credential rows. Replacing one takes a PostgreSQL advisory lock per credential, so however many
/// replicas find it stale at once, one of them asks WeChat and the others read its answer.</summary>
public sealed class CredentialStore(PersistenceOptions<WeChatDbContext> persistence, TimeProvider time)
{
    public async Task<StoredCredential?> ReadAsync(string name, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(persistence.ConnectionString);
        await conn.OpenAsync(ct);
        return await ReadAsync(conn, null, name, ct);
    }

    public async Task<StoredCredential> ReplaceUnderLockAsync(string name, Func<StoredCredential?, bool> needsReplacing,
        Func<CancellationToken, Task<FetchedCredential>> fetch, double refreshRatio, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(persistence.ConnectionString);
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", conn, tx))
        {
            lockCmd.Parameters.AddWithValue("key", "wechat-credential:" + name);
            await lockCmd.ExecuteNonQueryAsync(ct);
        }

        var current = await ReadAsync(conn, tx, name, ct);
        if (!needsReplacing(current))
        {
            await tx.CommitAsync(ct);
            return current!;
        }

        var fetched = await fetch(ct);
        var now = time.GetUtcNow();
        var lifetime = TimeSpan.FromSeconds(Math.Max(1, fetched.ExpiresInSeconds));
        var replaced = new StoredCredential(fetched.Value, now, now + lifetime * refreshRatio, now + lifetime);
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO wechat_credentials (name, value, obtained_at, refresh_at, expires_at)
            VALUES (@name, @value, @obtained, @refresh, @expires)
            ON CONFLICT (name) DO UPDATE SET value = excluded.value, obtained_at = excluded.obtained_at,
                refresh_at = excluded.refresh_at, expires_at = excluded.expires_at
            """, conn, tx))
        {
            upsert.Parameters.AddWithValue("name", name);
            upsert.Parameters.AddWithValue("value", replaced.Value);
            upsert.Parameters.AddWithValue("obtained", replaced.ObtainedAt);
            upsert.Parameters.AddWithValue("refresh", replaced.RefreshAt);
            upsert.Parameters.AddWithValue("expires", replaced.ExpiresAt);
            await upsert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return replaced;
    }

    private static async Task<StoredCredential?> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string name, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT value, obtained_at, refresh_at, expires_at FROM wechat_credentials WHERE name = @name", conn, tx);
        cmd.Parameters.AddWithValue("name", name);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new StoredCredential(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1),
            reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3));
    }
}
