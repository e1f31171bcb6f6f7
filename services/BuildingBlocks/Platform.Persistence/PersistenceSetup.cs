using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.Health;

namespace Platform.Persistence;

public static class PersistenceSetup
{
    /// <summary>Registers the service's DbContext on PostgreSQL (connection string <paramref name="connectionName"/>),
    /// its migrations (the service assembly's scripts after those of <paramref name="extraMigrations"/>), a readiness
    /// check, and migration + seeding at start-up.</summary>
    public static void AddPlatformDbContext<TContext>(this WebApplicationBuilder builder, string connectionName,
        params MigrationScripts[] extraMigrations) where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"缺少数据库连接配置 ConnectionStrings:{connectionName}");
        // Interceptors registered by other blocks (the messaging outbox nudges its dispatcher after commits).
        builder.Services.AddDbContext<TContext>((sp, o) => o
            .UseNpgsql(connectionString)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        var own = new MigrationScripts(connectionName, typeof(TContext).Assembly);
        builder.Services.AddSingleton(new PersistenceOptions<TContext>(connectionString, [.. extraMigrations, own]));
        builder.Services.TryAddSingleton<SqlMigrator>();
        builder.Services.AddHostedService<DatabaseStartup<TContext>>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "postgres", sp => new DbContextHealthCheck<TContext>(sp), HealthStatus.Unhealthy, [HealthSetup.ReadyTag],
            TimeSpan.FromSeconds(5)));
    }

    public static void AddSeeder<TContext, TSeeder>(this IServiceCollection services)
        where TContext : DbContext where TSeeder : class, ISeeder<TContext> =>
        services.AddScoped<ISeeder<TContext>, TSeeder>();

    public static MigrationScripts MigrationsOf(Assembly assembly, string source) => new(source, assembly);
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
