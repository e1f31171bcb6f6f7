using Npgsql;

namespace Platform.Testing;

/// <summary>Finds a value stored in clear anywhere in a database: every row of every table (columns, JSON payloads of
/// outbox and inbox), read as text.</summary>
public static class ClearTextScan
{
    /// <returns>"table: n row(s)" for every table holding <paramref name="value"/>; empty when none does.</returns>
    public static async Task<List<string>> TablesContainingAsync(string connectionString, string value)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var found = new List<string>();
        foreach (var table in await TablesAsync(conn))
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" t WHERE t::text LIKE '%' || @value || '%'", conn);
            count.Parameters.AddWithValue("value", value);
            var rows = Convert.ToInt64(await count.ExecuteScalarAsync());
            if (rows > 0) found.Add($"{table}: {rows} row(s)");
        }
        return found;
    }

    /// <summary>The database's own tables (schema public), by name.</summary>
    public static async Task<List<string>> TablesAsync(NpgsqlConnection conn)
    {
        var tables = new List<string>();
        await using var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", conn);
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    public static Task<List<string>> StackTablesContainingAsync(string database, string value) =>
        TablesContainingAsync(new NpgsqlConnectionStringBuilder(TestEnvironment.StackPostgresAdmin) { Database = database }.ConnectionString, value);
}
