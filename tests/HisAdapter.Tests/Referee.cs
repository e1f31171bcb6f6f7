using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace HisAdapter.Tests;

/// <summary>tests/Fhir.Tests/referee/validate.mjs: two independent FHIR R4 validators judge what the adapter wrote.</summary>
public static class Referee
{
    public static async Task AssertValidAsync(params JsonElement[] resources)
    {
        var directory = Path.Combine(TestEnvironment.Root, "tests/Fhir.Tests/referee");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "fhir")))
            await RunAsync(directory, "npm", ["ci", "--no-audit", "--no-fund"], null);
        var input = new JsonArray(resources.Select(r => (JsonNode)new JsonObject
        {
            ["name"] = $"{r.GetProperty("resourceType").GetString()}/{r.GetProperty("id").GetString()}",
            ["resource"] = JsonNode.Parse(r.GetRawText()),
        }).ToArray());
        var output = await RunAsync(directory, "node", ["validate.mjs"], input.ToJsonString());
        foreach (var verdict in JsonDocument.Parse(output).RootElement.EnumerateArray())
            Assert.True(verdict.GetProperty("valid").GetBoolean(), verdict.GetRawText());
    }

    private static async Task<string> RunAsync(string directory, string file, string[] args, string? stdin)
    {
        var start = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = directory, RedirectStandardInput = true, RedirectStandardOutput = true,
            RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} failed: {await error}");
        return await output;
    }
}
