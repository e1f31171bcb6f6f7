using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Problems;

namespace Platform.Persistence;

public static class PersistenceSetup
{
    /// <summary>Registers the service's DbContext on PostgreSQL (connection string <paramref name="connectionName"/>),
    /// a readiness check, and, at start-up, its EF Core migrations and seeders (see <see cref="DatabaseMigrator"/>).
    /// A database left by the former SQL migrator is rebuilt in Development and Testing, or where
    /// <c>Persistence:RecreateLegacyDatabase</c> is true (the local stack), and refused elsewhere.</summary>
    public static void AddPlatformDbContext<TContext>(this WebApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = WithAutoPrepare(builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"缺少数据库连接配置 ConnectionStrings:{connectionName}"));
        // Interceptors registered by other blocks (the messaging outbox nudges its dispatcher after commits).
        builder.Services.AddDbContext<TContext>((sp, o) => o
            .UsePlatformNpgsql(connectionString)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        var recreateLegacy = builder.Configuration.GetValue<bool?>("Persistence:RecreateLegacyDatabase")
            ?? (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"));
        builder.Services.AddSingleton(new PersistenceOptions<TContext>(connectionString, recreateLegacy));
        builder.Services.TryAddSingleton<DatabaseMigrator>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemMapper, DatabaseProblemMapper>());
        builder.Services.AddHostedService<DatabaseStartup<TContext>>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "postgres", sp => new DbContextHealthCheck<TContext>(sp), HealthStatus.Unhealthy, [HealthSetup.ReadyTag],
            TimeSpan.FromSeconds(5)));
    }

    /// <summary>Npgsql prepares a statement on the server once it has run twice on a connection, unless the connection string
    /// says otherwise: PostgreSQL then skips parsing and planning EF's queries on every later run. At a release-time rush
    /// this made bookings about 1.5 times as fast (./platform bench booking, issue 11). Npgsql re-prepares a statement that a
    /// schema change invalidated, after it fails once.</summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (tuned.MaxAutoPrepare > 0) return connectionString;
        tuned.MaxAutoPrepare = 100;
        tuned.AutoPrepareMinUsages = 2;
        return tuned.ConnectionString;
    }

    /// <summary>The provider options every platform DbContext uses, at run time, at design time (dotnet ef) and in
    /// tests, so that all three see the same model: Npgsql with snake_case names.</summary>
    public static DbContextOptionsBuilder UsePlatformNpgsql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    public static void AddSeeder<TContext, TSeeder>(this IServiceCollection services)
        where TContext : DbContext where TSeeder : class, ISeeder<TContext> =>
        services.AddScoped<ISeeder<TContext>, TSeeder>();
}

public sealed record PersistenceOptions<TContext>(string ConnectionString, bool RecreateLegacyDatabase)
    where TContext : DbContext;

/// <summary>Runs before the web server starts listening: migrate, then seed. A service never serves requests against
/// a schema older than its code.</summary>
internal sealed class DatabaseStartup<TContext>(
    IServiceProvider services, DatabaseMigrator migrator, PersistenceOptions<TContext> options,
    Microsoft.Extensions.Logging.ILogger<DatabaseStartup<TContext>> logger) : IHostedService where TContext : DbContext
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var seeders = scope.ServiceProvider.GetServices<ISeeder<TContext>>().ToList();
        await migrator.MigrateAsync(db, options.RecreateLegacyDatabase, async (context, token) =>
        {
            foreach (var seeder in seeders)
            {
                await seeder.SeedAsync(context, token);
                Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "Seeded with {Seeder}", seeder.GetType().Name);
            }
        }, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Design-time factory for <c>dotnet ef</c>: builds the context with the platform's options and no database
/// (adding a migration needs none). Each service declares <c>class DesignTimeDbContextFactory : PlatformDesignTimeFactory&lt;TContext&gt;</c>.</summary>
public abstract class PlatformDesignTimeFactory<TContext> : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UsePlatformNpgsql("Host=localhost;Database=design_time");
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}

internal sealed class DbContextHealthCheck<TContext>(IServiceProvider services) : IHealthCheck where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.Database.CanConnectAsync(ct)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("数据库不可用");
    }
}
