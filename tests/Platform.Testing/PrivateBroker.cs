using System.Diagnostics;
using Testcontainers.RabbitMq;

namespace Platform.Testing;

/// <summary>A RabbitMQ node of the test's own, for tests that stop and start the broker without disturbing anything
/// else: on the local path the stack's script with other ports and data folder (and no management plugin: the node is
/// the test's alone, so its default virtual host serves), on the containers path a container of its own. Its port
/// stays the same across a stop and a start, so clients can reconnect.</summary>
public sealed class PrivateBroker : IAsyncDisposable
{
    private readonly INode _node;

    private PrivateBroker(INode node, int amqpPort, string host = "127.0.0.1")
    {
        _node = node;
        AmqpBaseUri = $"amqp://{TestEnvironment.RabbitUser}:{TestEnvironment.RabbitPassword}@{host}:{amqpPort}/";
    }

    /// <summary>The node's default virtual host.</summary>
    public string AmqpBaseUri { get; }

    public static async Task<PrivateBroker> StartAsync()
    {
        var amqp = LoopbackPorts.Free();
        PrivateBroker broker;
        if (TestEnvironment.Infrastructure == TestInfrastructure.Containers)
        {
            var container = TestContainers.RabbitMq()
                .WithPortBinding(amqp, RabbitMqBuilder.RabbitMqPort)
                .Build();
            broker = new PrivateBroker(new ContainerNode(container), amqp, container.Hostname);
        }
        else broker = new PrivateBroker(new ScriptNode(amqp), amqp);
        await broker.StartAgainAsync();
        return broker;
    }

    public Task StartAgainAsync() => _node.StartAsync();

    public Task StopAsync() => _node.StopAsync();

    public ValueTask DisposeAsync() => _node.DisposeAsync();

    private interface INode : IAsyncDisposable
    {
        Task StartAsync();
        Task StopAsync();
    }

    private sealed class ContainerNode(RabbitMqContainer container) : INode
    {
        public Task StartAsync() => container.StartAsync();
        public Task StopAsync() => container.StopAsync();
        public ValueTask DisposeAsync() => container.DisposeAsync();
    }

    /// <summary>deploy/local/rabbitmq.sh with ports, node name and data folder of its own.</summary>
    private sealed class ScriptNode : INode
    {
        private readonly Dictionary<string, string> _env;
        private readonly string _data = Path.Combine(Path.GetTempPath(), "platform-broker-" + Guid.NewGuid().ToString("N")[..8]);

        public ScriptNode(int amqpPort)
        {
            _env = new Dictionary<string, string>
            {
                ["PLATFORM_DATA"] = _data,
                ["AMQP_PORT"] = amqpPort.ToString(),
                ["RABBIT_MANAGEMENT"] = "off",
                ["RABBIT_DIST_PORT"] = LoopbackPorts.Free().ToString(),
                ["EPMD_PORT"] = LoopbackPorts.Free().ToString(),
                ["RABBIT_NODENAME"] = $"test{amqpPort}@localhost",
                ["RABBIT_USER"] = TestEnvironment.RabbitUser,
                ["RABBIT_PASSWORD"] = TestEnvironment.RabbitPassword,
            };
        }

        public Task StartAsync() => RunScript("start");

        public Task StopAsync() => RunScript("stop");

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        private async Task RunScript(string verb)
        {
            var psi = new ProcessStartInfo("bash", [Path.Combine(TestEnvironment.Root, "deploy/local/rabbitmq.sh"), verb])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var (k, v) in _env) psi.Environment[k] = v;
            using var process = Process.Start(psi)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"rabbitmq.sh {verb} failed: {await stderr}");
        }
    }
}
