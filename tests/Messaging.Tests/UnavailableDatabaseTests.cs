using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Persistence;
using Platform.ServiceDefaults.Problems;

namespace Messaging.Tests;

/// <summary>PostgreSQL restarting under load (./platform chaos) must read as "try again" (503, Retry-After, Chinese
/// problem document), not as a 500 bug; a genuine bug stays a 500.</summary>
public sealed class UnavailableDatabaseTests
{
    [Fact]
    public async Task A_request_that_cannot_reach_PostgreSQL_is_answered_503_with_retry_after()
    {
        await using var app = await StartAsync();
        using var response = await app.GetTestClient().GetAsync("/database");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("unavailable", problem.GetProperty("code").GetString());
        Assert.Equal("服务暂时不可用，请稍后再试", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_server_shutting_down_is_unavailable_but_a_broken_query_or_a_bug_is_not()
    {
        Assert.True(TransientFailures.IsUnavailable(new InvalidOperationException("wrapped", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"))));
        Assert.False(TransientFailures.IsUnavailable(new PostgresException("syntax error", "ERROR", "ERROR", "42601")));
        Assert.False(TransientFailures.IsUnavailable(new NullReferenceException()));

        await using var app = await StartAsync();
        using var response = await app.GetTestClient().GetAsync("/bug");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.AddPlatformProblemDetails();
        // What AddPlatformDbContext registers for every service with a database.
        builder.Services.AddSingleton<IProblemMapper, DatabaseProblemMapper>();
        var app = builder.Build();
        app.UsePlatformProblemDetails();
        // Port 1 on loopback refuses at once: what a service sees while PostgreSQL restarts.
        app.MapGet("/database", async () =>
        {
            await using var connection = new NpgsqlConnection("Host=127.0.0.1;Port=1;Username=x;Password=x;Timeout=3");
            await connection.OpenAsync();
            return "unreachable";
        });
        app.MapGet("/bug", string () => throw new InvalidOperationException("a bug"));
        await app.StartAsync();
        return app;
    }
}
