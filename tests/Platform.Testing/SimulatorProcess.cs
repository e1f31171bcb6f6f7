using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>One of the Node simulators under tests/Simulators, started as <c>node server.mjs</c> on a free port (as
/// ./platform starts it) and killed when the test class is done.</summary>
public sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SimulatorProcess(Process process, int port)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl + "/") };
    }

    public string BaseUrl { get; }
    public HttpClient Http { get; }

    /// <param name="startTimeout">How long it may take to answer health (20 s; the HIS builds its seed first).</param>
    public static async Task<SimulatorProcess> StartAsync(string folder, IReadOnlyDictionary<string, string> env, TimeSpan? startTimeout = null)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("node", ["server.mjs"])
        {
            WorkingDirectory = Path.Combine(TestEnvironment.Root, "tests", "Simulators", folder),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["PORT"] = port.ToString();
        foreach (var (k, v) in env) psi.Environment[k] = v;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sim = new SimulatorProcess(process, port);
        await Eventually.Until(sim.HealthyAsync, ok => ok, startTimeout ?? TimeSpan.FromSeconds(20), $"{folder} simulator health");
        return sim;
    }

    private async Task<bool> HealthyAsync()
    {
        if (_process.HasExited) throw new InvalidOperationException($"simulator exited with {_process.ExitCode}");
        try
        {
            return (await Http.GetAsync("$sim/health")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
