using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Persistence;
using Xunit;

namespace Platform.Testing;

/// <summary>What every service with a database proves about its EF Core migrations; a service's test project declares
/// <c>public sealed class MigrationTests : MigrationTests&lt;TheDbContext&gt;;</c>.</summary>
public abstract class MigrationTests<TContext> where TContext : DbContext
{
    /// <summary>The context as the service builds it (Npgsql, snake_case names), on the given database.</summary>
    public static TContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UsePlatformNpgsql(connectionString);
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }

    /// <summary>Runs the start-up migrator (database creation, legacy check, migrations) without seeders.</summary>
    public static Task MigrateAsync(TContext db, bool recreateLegacy = false) =>
        new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance).MigrateAsync(db, recreateLegacy, null, CancellationToken.None);

    [Fact]
    public void Model_has_no_changes_that_a_migration_does_not_cover()
    {
        using var db = CreateContext("Host=127.0.0.1;Database=model_only");
        Assert.False(db.Database.HasPendingModelChanges(),
            $"{typeof(TContext).Name} has changes that no migration covers: add one with " +
            "`dotnet tool restore && dotnet ef migrations add <Name> --project <the service's project> --output-dir Infrastructure/Migrations`.");
    }

    [Fact]
    public async Task Migrations_apply_to_an_empty_database()
    {
        await using var database = await TestDatabase.CreateAsync("migrate");
        await using var db = CreateContext(database.ConnectionString);

        await MigrateAsync(db);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        // The outbox and inbox come with every service's model (Platform.Messaging).
        Assert.Equal(1, await database.ScalarAsync(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'outbox_messages' AND column_name = 'trace_parent'"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM information_schema.tables WHERE table_name = 'inbox_messages'"));
        // A second start finds nothing to do.
        await MigrateAsync(db);
    }
}
