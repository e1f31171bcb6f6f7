using System.Diagnostics;

namespace Platform.Testing;

/// <summary>A RabbitMQ node of the test's own (same script as the stack, other ports and data folder), for tests
/// that stop and start the broker without disturbing anything else.</summary>
public sealed class PrivateBroker : IAsyncDisposable
{
    private readonly Dictionary<string, string> _env;
    private readonly string _data;

    private PrivateBroker(string data, Dictionary<string, string> env, int amqpPort, int managementPort)
    {
        _data = data;
        _env = env;
        AmqpBaseUri = $"amqp://{TestEnvironment.RabbitUser}:{TestEnvironment.RabbitPassword}@127.0.0.1:{amqpPort}/";
        ManagementUrl = $"http://127.0.0.1:{managementPort}";
    }

    public string AmqpBaseUri { get; }
    public string ManagementUrl { get; }

    public static async Task<PrivateBroker> StartAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "platform-broker-" + Guid.NewGuid().ToString("N")[..8]);
        int amqp = LoopbackPorts.Free(), mgmt = LoopbackPorts.Free(), dist = LoopbackPorts.Free(), epmd = LoopbackPorts.Free();
        var env = new Dictionary<string, string>
        {
            ["PLATFORM_DATA"] = data,
            ["AMQP_PORT"] = amqp.ToString(),
            ["RABBIT_MGMT_PORT"] = mgmt.ToString(),
            ["RABBIT_DIST_PORT"] = dist.ToString(),
            ["EPMD_PORT"] = epmd.ToString(),
            ["RABBIT_NODENAME"] = $"test{amqp}@localhost",
            ["RABBIT_USER"] = TestEnvironment.RabbitUser,
            ["RABBIT_PASSWORD"] = TestEnvironment.RabbitPassword,
        };
        var broker = new PrivateBroker(data, env, amqp, mgmt);
        await broker.StartAgainAsync();
        return broker;
    }

    public Task StartAgainAsync() => RunScript("start");

    public Task StopAsync() => RunScript("stop");

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

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
