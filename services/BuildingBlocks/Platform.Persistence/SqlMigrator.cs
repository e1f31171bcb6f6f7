using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Persistence;

/// <summary>Creates the database if it is missing and applies pending scripts in order, each in its own transaction,
/// under a PostgreSQL advisory lock so that replicas starting together migrate once.</summary>
public sealed class SqlMigrator(ILogger<SqlMigrator> logger)
{
    private const long LockKey = 0x706c6174666f726d; // "platform"

    public async Task MigrateAsync(string connectionString, IEnumerable<MigrationScripts> sources, CancellationToken ct)
    {
        await EnsureDatabaseAsync(connectionString, ct);
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await Execute(conn, null, "SELECT pg_advisory_lock(@key)", ct, ("key", LockKey));
        try
        {
            await Execute(conn, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            var applied = await AppliedAsync(conn, ct);
            foreach (var (id, sql) in sources.SelectMany(s => s.Load()))
            {
                if (applied.Contains(id)) continue;
                await using var tx = await conn.BeginTransactionAsync(ct);
                await Execute(conn, tx, sql, ct);
                await Execute(conn, tx, "INSERT INTO schema_migrations (id) VALUES (@id)", ct, ("id", id));
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {Migration}", id);
            }
        }
        finally
        {
            await Execute(conn, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", LockKey));
        }
    }

    private static async Task EnsureDatabaseAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", conn);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"")}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase || e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another replica created it first.
        }
    }

    private static async Task<HashSet<string>> AppliedAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("SELECT id FROM schema_migrations", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }

    private static async Task Execute(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
