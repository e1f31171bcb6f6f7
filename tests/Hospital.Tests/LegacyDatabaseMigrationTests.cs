using Hospital.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;
using Platform.Testing;

namespace Hospital.Tests;

/// <summary>A database left by the former SQL migrator (schema_migrations, no __EFMigrationsHistory) is rebuilt where
/// that is allowed (Development, Testing, the local stack) and refused elsewhere.</summary>
public sealed class LegacyDatabaseMigrationTests
{
    private static async Task<TestDatabase> LegacyDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync("legacy");
        await database.ScalarAsync($"""
            CREATE TABLE {DatabaseMigrator.LegacyHistoryTable} (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO {DatabaseMigrator.LegacyHistoryTable} (id) VALUES ('hospitaldb/0001_departments.sql');
            CREATE TABLE departments (id uuid PRIMARY KEY, code text NOT NULL);
            SELECT 1
            """);
        return database;
    }

    [Fact]
    public async Task Legacy_database_is_dropped_and_rebuilt_by_the_migrations()
    {
        await using var database = await LegacyDatabaseAsync();
        await using var db = MigrationTests<HospitalDbContext>.CreateContext(database.ConnectionString);

        await MigrationTests<HospitalDbContext>.MigrateAsync(db, recreateLegacy: true);

        Assert.Equal(0, await database.ScalarAsync(
            $"SELECT count(*) FROM information_schema.tables WHERE table_name = '{DatabaseMigrator.LegacyHistoryTable}'"));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(1, await database.ScalarAsync(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'departments' AND column_name = 'is_active'"));
    }

    [Fact]
    public async Task Legacy_database_is_refused_where_rebuilding_is_not_allowed()
    {
        await using var database = await LegacyDatabaseAsync();
        await using var db = MigrationTests<HospitalDbContext>.CreateContext(database.ConnectionString);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MigrationTests<HospitalDbContext>.MigrateAsync(db));

        Assert.Contains("RecreateLegacyDatabase", error.Message);
        Assert.Contains("旧版", error.Message);
        Assert.Equal(1, await database.ScalarAsync($"SELECT count(*) FROM {DatabaseMigrator.LegacyHistoryTable}"));
    }
}
