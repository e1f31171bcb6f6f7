using Npgsql;

namespace Platform.Testing;

/// <summary>A service database of the running stack. Acceptance tests read it only to wait for what no page shows
/// (an event that has reached a service), so that they act once instead of retrying until something happens.</summary>
public static class StackDatabase
{
    public static async Task<long> ScalarAsync(string database, string sql)
    {
        var connection = new NpgsqlConnectionStringBuilder(TestEnvironment.StackPostgresAdmin) { Database = database };
        await using var conn = new NpgsqlConnection(connection.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
