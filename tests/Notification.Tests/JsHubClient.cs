using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Platform.Testing;

namespace Notification.Tests;

/// <summary>Runs signalr-client/client.mjs (the official @microsoft/signalr JS client; the .NET client is not
/// available to us) and reads the events it prints, one JSON object per line.</summary>
public sealed class JsHubClient : IAsyncDisposable
{
    private static readonly string ClientFolder = Path.Combine(TestEnvironment.Root, "tests", "Notification.Tests", "signalr-client");
    private readonly Process _process;
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly List<string> _stderr = [];

    private JsHubClient(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (string.IsNullOrWhiteSpace(e.Data)) return;
            try { _events.Writer.TryWrite(JsonDocument.Parse(e.Data).RootElement.Clone()); }
            catch (JsonException) { lock (_stderr) _stderr.Add(e.Data); }
        };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static async Task<JsHubClient> StartAsync(string hubUrl, string token, string? since = null, int expect = 1)
    {
        await EnsurePackagesAsync();
        var psi = new ProcessStartInfo("node", ["client.mjs", "--url", hubUrl, "--token", token, "--expect", expect.ToString(), "--timeout", "45000"])
        {
            WorkingDirectory = ClientFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (since is not null) { psi.ArgumentList.Add("--since"); psi.ArgumentList.Add(since); }
        var client = new JsHubClient(Process.Start(psi)!);
        await client.NextAsync("connected");
        return client;
    }

    /// <summary>The next event of that kind, skipping others.</summary>
    public async Task<JsonElement> NextAsync(string kind, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var e = await _events.Reader.ReadAsync(cts.Token);
                var name = e.GetProperty("event").GetString();
                if (name == kind) return e;
                if (name is "error" or "timeout") throw new InvalidOperationException($"hub client: {e}; {Errors()}");
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no '{kind}' from the hub client; stderr: {Errors()}");
        }
    }

    private string Errors()
    {
        lock (_stderr) return string.Join(" | ", _stderr);
    }

    private static async Task EnsurePackagesAsync()
    {
        if (Directory.Exists(Path.Combine(ClientFolder, "node_modules", "@microsoft", "signalr"))) return;
        using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = ClientFolder })!;
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0) throw new InvalidOperationException("npm ci failed in " + ClientFolder);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
