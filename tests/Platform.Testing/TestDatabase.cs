using Npgsql;

namespace Platform.Testing;

/// <summary>A fresh, empty PostgreSQL database for one test class; the service under test applies its EF Core
/// migrations to it at start-up (or a test does, with <see cref="MigrationTests{TContext}.MigrateAsync"/>), never
/// EnsureCreated. Dropped when the class is done.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string prefix)
    {
        var name = $"t_{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using var conn = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
        await conn.OpenAsync();
        await using (var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn)) await cmd.ExecuteNonQueryAsync();
        var cs = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdmin) { Database = name, MaxPoolSize = 20 };
        return new TestDatabase(name, cs.ConnectionString);
    }

    public Task<long> ScalarAsync(string sql) => ScalarAsync(ConnectionString, sql);

    /// <summary>Runs statements that answer nothing (test data written as an earlier version would have).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The one number <paramref name="sql"/> answers, on the database <paramref name="connectionString"/> names.</summary>
    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
