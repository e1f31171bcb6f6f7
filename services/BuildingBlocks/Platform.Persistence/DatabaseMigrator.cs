using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Persistence;

/// <summary>Brings a service's database to its code's schema: creates the database if it is missing, applies the EF Core
/// migrations, then runs the seeders, all under one PostgreSQL advisory lock so that replicas starting together do it
/// once (Npgsql's own migration lock covers only <c>MigrateAsync</c>, not the creation of the database nor the seeding).
/// A database left by the former SQL migrator (a <c>schema_migrations</c> table and no <c>__EFMigrationsHistory</c>) is
/// dropped and rebuilt when <paramref name="recreateLegacy"/> allows it, and refused otherwise.</summary>
public sealed class DatabaseMigrator(ILogger<DatabaseMigrator> logger)
{
    /// <summary>The history table of the SQL migrator that the EF Core migrations replaced.</summary>
    public const string LegacyHistoryTable = "schema_migrations";

    public async Task MigrateAsync<TContext>(TContext db, bool recreateLegacy,
        Func<TContext, CancellationToken, Task>? seed, CancellationToken ct) where TContext : DbContext
    {
        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("DbContext has no connection string"));
        var database = target.Database ?? throw new InvalidOperationException("The connection string names no database");
        // The lock is held on the maintenance database: it must exist before ours does, and we may drop ours.
        var admin = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        await using var lockConn = new NpgsqlConnection(admin.ConnectionString);
        await lockConn.OpenAsync(ct);
        var key = LockKey(database);
        await ExecuteAsync(lockConn, "SELECT pg_advisory_lock(@key)", ct, key);
        try
        {
            if (!await DatabaseExistsAsync(lockConn, database, ct))
            {
                await ExecuteAsync(lockConn, $"CREATE DATABASE {Quote(database)}", ct);
                logger.LogInformation("Created database {Database}", database);
            }
            else if (await IsLegacyAsync(target.ConnectionString, ct))
            {
                if (!recreateLegacy)
                    throw new InvalidOperationException(
                        $"数据库 {database} 由旧版 SQL 迁移程序创建（含 {LegacyHistoryTable} 表，无 __EFMigrationsHistory），" +
                        "无法升级到 EF Core 迁移；请备份数据后删除该数据库，或仅在非生产环境设置 Persistence:RecreateLegacyDatabase=true 以自动重建。 " +
                        $"Database {database} was created by the former SQL migrator ({LegacyHistoryTable} table, no " +
                        "__EFMigrationsHistory) and cannot be upgraded to the EF Core migrations; back up its data and drop it, " +
                        "or, outside production only, set Persistence:RecreateLegacyDatabase=true to rebuild it.");
                logger.LogWarning("Database {Database} was made by the former SQL migrator: dropping and rebuilding it", database);
                NpgsqlConnection.ClearPool(new NpgsqlConnection(target.ConnectionString));
                await ExecuteAsync(lockConn, $"DROP DATABASE {Quote(database)} WITH (FORCE)", ct);
                await ExecuteAsync(lockConn, $"CREATE DATABASE {Quote(database)}", ct);
            }

            // Not GetPendingMigrations first: on a new database it reads a history table that is not there yet, and
            // EF logs that as an error. MigrateAsync creates the table, and does nothing when all is applied.
            await db.Database.MigrateAsync(ct);
            logger.LogInformation("Database {Database} is at migration {Migration}", database,
                (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault());
            if (seed is not null) await seed(db, ct);
        }
        finally
        {
            await ExecuteAsync(lockConn, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, key);
        }
    }

    private static long LockKey(string database) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("platform-migrate:" + database)), 0);

    private static async Task<bool> DatabaseExistsAsync(NpgsqlConnection conn, string database, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @p", conn);
        cmd.Parameters.AddWithValue("p", database);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task<bool> IsLegacyAsync(string connectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            $"SELECT to_regclass('{LegacyHistoryTable}') IS NOT NULL AND to_regclass('\"__EFMigrationsHistory\"') IS NULL", conn);
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct, long? key = null)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        if (key is { } k) cmd.Parameters.AddWithValue("key", k);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
