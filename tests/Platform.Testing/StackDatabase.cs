using Npgsql;

namespace Platform.Testing;

/// <summary>A service database of the running stack. Acceptance tests read it only to wait for what no page shows
/// (an event that has reached a service), so that they act once instead of retrying until something happens.</summary>
public static class StackDatabase
{
    public static Task<long> ScalarAsync(string database, string sql) => TestDatabase.ScalarAsync(
        new NpgsqlConnectionStringBuilder(TestEnvironment.StackPostgresAdmin) { Database = database }.ConnectionString, sql);
}
