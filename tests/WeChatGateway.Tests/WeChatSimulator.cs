using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Platform.Testing;

namespace WeChatGateway.Tests;

/// <summary>The WeChat simulator (tests/Simulators/WeChat) as a real node process on a free port.</summary>
public sealed class WeChatSimulator : IAsyncDisposable
{
    public const string AppId = "wx5f0c1a2b3c4d5e6f";
    public const string AppSecret = "platform-dev-wechat-secret";
    public const string Token = "platform-dev-wechat-token";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private readonly Process _process;

    private WeChatSimulator(Process process, string url)
    {
        _process = process;
        Url = url;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Url { get; }
    public HttpClient Http { get; }

    public static async Task<WeChatSimulator> StartAsync(string gatewayUrl, string mode = "safe", int tokenLifetimeSeconds = 7200)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("node", ["server.mjs"])
        {
            WorkingDirectory = Path.Combine(TestEnvironment.Root, "tests/Simulators/WeChat"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["PORT"] = port.ToString();
        psi.Environment["WECHAT_GATEWAY_URL"] = gatewayUrl;
        psi.Environment["WECHAT_MODE"] = mode;
        psi.Environment["WECHAT_APPID"] = AppId;
        psi.Environment["WECHAT_APPSECRET"] = AppSecret;
        psi.Environment["WECHAT_TOKEN"] = Token;
        psi.Environment["WECHAT_AES_KEY"] = AesKey;
        psi.Environment["WECHAT_TOKEN_TTL_SECONDS"] = tokenLifetimeSeconds.ToString();
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var simulator = new WeChatSimulator(process, $"http://127.0.0.1:{port}");
        await Eventually.Until(async () =>
        {
            try { return (await simulator.Http.GetAsync("/$sim/state")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, ok => ok, TimeSpan.FromSeconds(20), "WeChat simulator listening");
        return simulator;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<JsonElement> PostAsync(string path, object body)
    {
        var response = await Http.PostAsJsonAsync(path, body);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<JsonElement> GetAsync(string path) => Http.GetFromJsonAsync<JsonElement>(path);

    /// <summary>A user's message or event, signed (and encrypted) by the simulator as WeChat does.</summary>
    public Task<JsonElement> SendToGatewayAsync(object message) => PostAsync("/$sim/send-to-gateway", message);

    public async Task<string> OpenIdOfAsync(string user) => (await GetAsync($"/$sim/users?name={user}")).GetProperty("openid").GetString()!;

    public async Task<int> MessageCountAsync(string openId) => (await GetAsync($"/$sim/messages?openid={openId}")).GetArrayLength();

    public async Task<int> CounterAsync(string name) => (await GetAsync("/$sim/state")).GetProperty("counters").GetProperty(name).GetInt32();

    public Task FaultsAsync(object faults) => PostAsync("/$sim/faults", faults);

    /// <summary>Calls refused while WeChat was down (since the last reset).</summary>
    public async Task<int> RefusedWhileDownAsync() =>
        (await GetAsync("/$sim/state")).GetProperty("faults").GetProperty("refusedWhileDown").GetInt32();

    public ValueTask DisposeAsync()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit(5000);
        _process.Dispose();
        Http.Dispose();
        return ValueTask.CompletedTask;
    }
}
