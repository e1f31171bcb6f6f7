using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Persistence;

/// <summary>Runs before the web server starts listening: migrate, then seed. A service never serves
/// requests against a schema older than its code.</summary>
internal sealed class DatabaseStartup<TContext>(
    IServiceProvider services, SqlMigrator migrator, PersistenceOptions<TContext> options, ILogger<DatabaseStartup<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    public async Task StartAsync(CancellationToken ct)
    {
        await migrator.MigrateAsync(options.ConnectionString, options.Migrations, ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder<TContext>>())
        {
            await seeder.SeedAsync(db, ct);
            logger.LogInformation("Seeded with {Seeder}", seeder.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

public sealed record PersistenceOptions<TContext>(string ConnectionString, IReadOnlyList<MigrationScripts> Migrations)
    where TContext : DbContext;
