using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace WeChat.Tests.Referee;

/// <summary>
/// Runs the independent npm implementations in tests/WeChat.Tests/vectors: installs them once with npm ci
/// when node_modules is missing, regenerates vectors live and answers round-trip questions.
/// </summary>
public static class NodeReferee
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static readonly Lazy<Task<JsonObject>> LiveVectorsOnce = new(GenerateLiveVectorsAsync);
    private static bool _installed;

    public static string SourceDirectory { get; } = typeof(NodeReferee).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "VectorsSourceDirectory").Value!;

    /// <summary>CI must exercise the referee: there a missing node is a failure, not a skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool IsAvailable { get; } = FindOnPath("node") is not null && FindOnPath("npm") is not null
        && File.Exists(Path.Combine(SourceDirectory, "package-lock.json"));

    public static JsonObject CommittedVectors()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "vectors", "vectors.json");
        return (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
    }

    public static Task<JsonObject> LiveVectorsAsync() => LiveVectorsOnce.Value;

    public static async Task<JsonObject> CheckAsync(JsonObject request)
    {
        await EnsureInstalledAsync();
        var output = await RunAsync("node", ["referee-check.mjs"], request.ToJsonString());
        return (JsonObject)JsonNode.Parse(output)!;
    }

    private static async Task<JsonObject> GenerateLiveVectorsAsync()
    {
        await EnsureInstalledAsync();
        return (JsonObject)JsonNode.Parse(await RunAsync("node", ["make-vectors.mjs"], null))!;
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (_installed) return;
            var marker = Path.Combine(SourceDirectory, "node_modules", ".package-lock.json");
            if (!File.Exists(marker))
                await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], null, TimeSpan.FromMinutes(5));
            _installed = true;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<string> RunAsync(string fileName, string[] args, string? stdin, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = SourceDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in time.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
