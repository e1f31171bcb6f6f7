using System.Text.RegularExpressions;
using Npgsql;
using Platform.Testing;

namespace Acceptance.Tests.Security.HostileInput;

/// <summary>Every service database of the running stack, read to prove that refused input left nothing behind: a
/// fingerprint of each table (row count and a hash of every row), and where a request's marker was stored.</summary>
public static class StackDatabases
{
    /// <summary>Service (as in OpenApiOperations) → its database (deploy/local/components.sh).</summary>
    public static readonly IReadOnlyDictionary<string, string> OfService = new Dictionary<string, string>
    {
        ["identity"] = "identity", ["hospital"] = "hospital", ["scheduling"] = "scheduling", ["payment"] = "payment",
        ["triage"] = "triage", ["queue"] = "queue", ["reports"] = "reports", ["pharmacy"] = "pharmacy", ["followup"] = "followup",
        ["consultation"] = "consultation", ["convenience"] = "convenience", ["notification"] = "notification", ["his"] = "hisadapter",
        ["wechat"] = "wechat",
    };

    public sealed record Table(string Database, string Name)
    {
        public override string ToString() => $"{Database}.{Name}";
    }

    public static async Task<Dictionary<Table, string>> FingerprintAsync()
    {
        var fingerprints = new Dictionary<Table, string>();
        foreach (var database in OfService.Values)
        {
            await using var conn = await OpenAsync(database);
            foreach (var table in await ClearTextScan.TablesAsync(conn))
            {
                await using var command = new NpgsqlCommand(
                    $"SELECT count(*)::text || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0)::text FROM \"{table}\" t", conn);
                fingerprints[new Table(database, table)] = (string)(await command.ExecuteScalarAsync())!;
            }
        }
        return fingerprints;
    }

    /// <summary>Every marker (<paramref name="prefix"/>, a number, "z") stored in any row of any table.</summary>
    public static async Task<List<(Table Table, string Marker)>> MarkersAsync(string prefix)
    {
        var found = new List<(Table, string)>();
        var pattern = new Regex(Regex.Escape(prefix) + "[0-9]+z");
        foreach (var database in OfService.Values)
        {
            await using var conn = await OpenAsync(database);
            foreach (var table in await ClearTextScan.TablesAsync(conn))
            {
                await using var command = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t WHERE t::text LIKE '%' || @prefix || '%'", conn);
                command.Parameters.AddWithValue("prefix", prefix);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    foreach (Match match in pattern.Matches(reader.GetString(0)))
                        found.Add((new Table(database, table), match.Value));
            }
        }
        return found;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestEnvironment.StackPostgresAdmin) { Database = database }.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }
}
