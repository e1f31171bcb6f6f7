using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace HisAdapter.Tests;

/// <summary>The HIS simulator (tests/Simulators/His) as a real node process on a free loopback port.</summary>
public sealed class HisSimulatorProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient http;

    private HisSimulatorProcess(Process process, int port)
    {
        this.process = process;
        Root = $"http://127.0.0.1:{port}";
        http = new HttpClient { BaseAddress = new Uri(Root) };
    }

    public string Root { get; }

    public static async Task<HisSimulatorProcess> StartAsync(string pushUrl, string pushSecret)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("node", ["server.mjs"])
        {
            WorkingDirectory = Path.Combine(TestEnvironment.Root, "tests/Simulators/His"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["HIS_PORT"] = port.ToString();
        start.Environment["HIS_PUSH_URL"] = pushUrl;
        start.Environment["HIS_PUSH_SECRET"] = pushSecret;
        start.Environment["HIS_RETRY_BASE_MS"] = "50";
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var his = new HisSimulatorProcess(process, port);
        await Eventually.Until(async () =>
        {
            try { return (await his.http.GetAsync("/$sim/health")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, ok => ok, TimeSpan.FromSeconds(60), "HIS simulator health");
        return his;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<JsonElement> SimAsync(string name, object? body = null)
    {
        var response = body is null ? await http.DeleteAsync($"/$sim/{name}") : await http.PostAsJsonAsync($"/$sim/{name}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"$sim/{name}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A test control's current state (GET /$sim/{name}).</summary>
    public async Task<JsonElement> SimGetAsync(string name)
    {
        var text = await http.GetStringAsync($"/$sim/{name}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Reads the HIS directly, as the test's own FHIR client.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> FhirAsync(HttpMethod method, string path, string? body = null)
    {
        var token = await TokenAsync();
        using var request = new HttpRequestMessage(method, $"/fhir/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/fhir+json");
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<string> TokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("platform:platform-secret"u8.ToArray()));
        var response = await http.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
