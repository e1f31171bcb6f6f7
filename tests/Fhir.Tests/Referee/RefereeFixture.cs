using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Fhir.Tests.Referee;

/// <summary>
/// Runs tests/Fhir.Tests/referee/validate.mjs: the `fhir` package and @medplum/core judge our JSON,
/// so the model is checked by code that shares nothing with it.
/// </summary>
public sealed class RefereeFixture : IAsyncLifetime
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(5);

    private readonly Lazy<Task<IReadOnlyDictionary<string, RefereeVerdict>>> verdicts;

    public RefereeFixture() => verdicts = new(() => ValidateAsync(RefereeCases.All));

    public string RefereeDirectory { get; } = FindRefereeDirectory();

    /// <summary>Verdicts on every case in <see cref="RefereeCases"/>, judged in one node run.</summary>
    public Task<IReadOnlyDictionary<string, RefereeVerdict>> Verdicts => verdicts.Value;

    public async Task<IReadOnlyList<RefereeVerdict>> VerdictsStartingWith(string prefix) =>
        (await Verdicts).Values.Where(v => v.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    public async Task InitializeAsync()
    {
        if (!Directory.Exists(Path.Combine(RefereeDirectory, "node_modules", "@medplum", "core")) ||
            !Directory.Exists(Path.Combine(RefereeDirectory, "node_modules", "fhir")))
        {
            var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], stdin: null);
            if (install.ExitCode != 0)
                throw new InvalidOperationException($"npm ci failed in {RefereeDirectory}:\n{install.StandardError}");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task<IReadOnlyDictionary<string, RefereeVerdict>> ValidateAsync(IEnumerable<(string Name, string Json)> resources)
    {
        var input = new JsonArray(resources
            .Select(r => (JsonNode)new JsonObject { ["name"] = r.Name, ["resource"] = JsonNode.Parse(r.Json) })
            .ToArray());
        var run = await RunAsync("node", ["validate.mjs"], input.ToJsonString());
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"The referee crashed ({run.ExitCode}):\n{run.StandardError}");

        var verdicts = JsonSerializer.Deserialize<List<RefereeVerdict>>(run.StandardOutput)
                       ?? throw new InvalidOperationException("The referee printed no verdicts.");
        return verdicts.ToDictionary(v => v.Name);
    }

    private async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(
        string fileName, string[] arguments, string? stdin)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RefereeDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(NodeTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {NodeTimeout}.");
        }
        return (process.ExitCode, await output, await error);
    }

    private static string FindRefereeDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "referee");
            if (File.Exists(Path.Combine(candidate, "validate.mjs")) && File.Exists(Path.Combine(directory.FullName, "Fhir.Tests.csproj")))
                return candidate;
        }
        throw new DirectoryNotFoundException("tests/Fhir.Tests/referee was not found above " + AppContext.BaseDirectory);
    }
}

public sealed record RefereeVerdict(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("resourceType")] string? ResourceType,
    [property: JsonPropertyName("fhirJs")] ValidatorVerdict FhirJs,
    [property: JsonPropertyName("medplum")] ValidatorVerdict Medplum,
    [property: JsonPropertyName("valid")] bool Valid)
{
    public override string ToString() =>
        $"{Name}: fhir.js {(FhirJs.Valid ? "ok" : string.Join(" | ", FhirJs.Errors))}; " +
        $"medplum {(Medplum.Valid ? "ok" : string.Join(" | ", Medplum.Errors))}";
}

public sealed record ValidatorVerdict(
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors);

[CollectionDefinition(Name)]
public sealed class RefereeCollection : ICollectionFixture<RefereeFixture>
{
    public const string Name = "FHIR referees";
}
