using System.Diagnostics;
using System.Net.Sockets;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Platform.Testing;

public enum TestInfrastructure
{
    /// <summary>The PostgreSQL and RabbitMQ processes that ./platform starts (these machines, CI).</summary>
    Local,

    /// <summary>Containers started by Testcontainers for this test run (a machine where a container engine answers).</summary>
    Containers,
}

/// <summary>The containers path: one PostgreSQL and one RabbitMQ container per test run (per test assembly), started
/// on first use and removed when the run ends. Chosen when a container engine answers the Docker API's <c>_ping</c> on
/// DOCKER_HOST or /var/run/docker.sock; <c>PLATFORM_TEST_INFRA=containers|local</c> overrides (./platform test pins
/// <c>local</c>). Images: PLATFORM_TEST_PG_IMAGE, PLATFORM_TEST_RABBIT_IMAGE (a RabbitMQ with the management plugin);
/// PLATFORM_TEST_CONTAINER_ULIMITS (e.g. <c>nofile=1024:1024,nproc=1024:1024</c>) for engines that need them.</summary>
public sealed class TestContainers
{
    private static readonly Lazy<TestInfrastructure> Chosen = new(Choose);
    private static readonly Lazy<TestContainers> Started = new(() => StartAsync().GetAwaiter().GetResult());

    private readonly PostgreSqlContainer _postgres;
    private readonly RabbitMqContainer _rabbit;

    private TestContainers(PostgreSqlContainer postgres, RabbitMqContainer rabbit)
    {
        _postgres = postgres;
        _rabbit = rabbit;
    }

    public static TestInfrastructure Infrastructure => Chosen.Value;

    /// <summary>This run's containers, started on first use; null on the local path.</summary>
    public static TestContainers? Shared => Infrastructure == TestInfrastructure.Containers ? Started.Value : null;

    public string PostgresAdmin => _postgres.GetConnectionString();
    public string AmqpUri => _rabbit.GetConnectionString();
    public string RabbitManagement => $"http://{_rabbit.Hostname}:{_rabbit.GetMappedPublicPort(ManagementPort)}";

    public const ushort ManagementPort = 15672;

    public static string PostgresImage => TestEnvironment.Get("PLATFORM_TEST_PG_IMAGE", "postgres:15");
    public static string RabbitImage => TestEnvironment.Get("PLATFORM_TEST_RABBIT_IMAGE", "rabbitmq:3.13-management");

    /// <summary>A RabbitMQ container with the platform's credentials; the caller publishes the AMQP and management
    /// ports (random, or fixed ones that survive a stop and a start).</summary>
    public static RabbitMqBuilder RabbitMq() => WithPlatformDefaults(new RabbitMqBuilder(RabbitImage)
        .WithUsername(TestEnvironment.RabbitUser)
        .WithPassword(TestEnvironment.RabbitPassword));

    private static PostgreSqlBuilder PostgreSql() => WithPlatformDefaults(new PostgreSqlBuilder(PostgresImage)
        .WithUsername("platform")
        .WithPassword("platform-dev-password")
        .WithDatabase("postgres")
        // Like deploy/local/postgres.sh: every test class has its own database and pools.
        .WithCommand("-c", "max_connections=400"));

    private static TBuilder WithPlatformDefaults<TBuilder, TContainer, TConfiguration>(
        ContainerBuilder<TBuilder, TContainer, TConfiguration> builder)
        where TBuilder : ContainerBuilder<TBuilder, TContainer, TConfiguration>
        where TContainer : IContainer
        where TConfiguration : IContainerConfiguration
    {
        var limits = Ulimits();
        return builder
            .WithLabel("platform.tests", "true")
            .WithCreateParameterModifier(p =>
            {
                if (limits.Count == 0) return;
                p.HostConfig ??= new HostConfig();
                p.HostConfig.Ulimits = limits;
            });
    }

    private static List<Ulimit> Ulimits() =>
        TestEnvironment.Get("PLATFORM_TEST_CONTAINER_ULIMITS", "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry =>
            {
                var (name, values) = (entry.Split('=')[0], entry.Split('=')[1].Split(':'));
                return new Ulimit { Name = name, Soft = long.Parse(values[0]), Hard = long.Parse(values[^1]) };
            })
            .ToList();

    private static async Task<TestContainers> StartAsync()
    {
        var postgres = PostgreSql().Build();
        var rabbit = RabbitMq().WithPortBinding(ManagementPort, true).Build();
        try
        {
            await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        }
        finally
        {
            RemoveWhenThisProcessEnds(postgres, rabbit);
        }
        return new TestContainers(postgres, rabbit);
    }

    /// <summary>Ryuk removes a run's containers once the test process is gone. Where Ryuk is disabled (podman), a
    /// detached watcher does it through the engine's socket: the test host is ended by the runner, so neither a
    /// fixture nor ProcessExit gets to.</summary>
    private static void RemoveWhenThisProcessEnds(params IContainer[] containers)
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED"), "true", StringComparison.OrdinalIgnoreCase)
            || DockerHost() is not { } host || !host.StartsWith("unix://", StringComparison.Ordinal))
            return;
        var socket = host["unix://".Length..];
        var removals = string.Concat(containers.Where(c => !string.IsNullOrEmpty(c.Id)).Select(c =>
            $"curl -s -o /dev/null --unix-socket '{socket}' -X DELETE 'http://localhost/containers/{c.Id}?force=true&v=true'; "));
        Process.Start(new ProcessStartInfo("setsid",
            ["sh", "-c", $"exec </dev/null >/dev/null 2>&1; tail --pid={Environment.ProcessId} -f /dev/null; {removals}"]))?.Dispose();
    }

    private static string? DockerHost() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } h ? h : null;

    private static TestInfrastructure Choose() =>
        Environment.GetEnvironmentVariable("PLATFORM_TEST_INFRA")?.Trim().ToLowerInvariant() switch
        {
            "containers" => TestInfrastructure.Containers,
            "local" => TestInfrastructure.Local,
            null or "" => EngineAnswers() ? TestInfrastructure.Containers : TestInfrastructure.Local,
            var other => throw new InvalidOperationException($"PLATFORM_TEST_INFRA={other}: expected containers or local"),
        };

    /// <summary>Whether a Docker API answers <c>GET /_ping</c> on DOCKER_HOST (unix:// or tcp://) or the default socket.</summary>
    private static bool EngineAnswers()
    {
        var host = DockerHost() ?? "unix:///var/run/docker.sock";
        try
        {
            HttpMessageHandler handler;
            Uri baseAddress;
            if (host.StartsWith("unix://", StringComparison.Ordinal))
            {
                var path = host["unix://".Length..];
                if (!File.Exists(path)) return false;
                handler = new SocketsHttpHandler
                {
                    ConnectCallback = async (_, ct) =>
                    {
                        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
                        return new NetworkStream(socket, ownsSocket: true);
                    },
                };
                baseAddress = new Uri("http://localhost");
            }
            else if (host.StartsWith("tcp://", StringComparison.Ordinal))
            {
                handler = new SocketsHttpHandler();
                baseAddress = new Uri("http://" + host["tcp://".Length..]);
            }
            else return false;

            using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(3) };
            return http.GetAsync("/_ping").GetAwaiter().GetResult().IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException or TaskCanceledException)
        {
            return false;
        }
    }
}
