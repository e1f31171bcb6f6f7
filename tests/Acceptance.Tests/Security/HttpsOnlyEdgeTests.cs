using System.Net;
using Platform.Testing;

namespace Acceptance.Tests.Security;

/// <summary>With EDGE_HTTPS_ONLY=true the edge sends plain-HTTP visitors to its TLS port. Checked on a second nginx
/// rendered from the same template as the stack's, on ports of its own.</summary>
[Trait("Rubric", "S01")]
public sealed class HttpsOnlyEdgeTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"edge-https-only-{Guid.NewGuid():N}");
    private readonly int _http = LoopbackPorts.Free(), _https = LoopbackPorts.Free();

    private string Conf => Path.Combine(_dir, "nginx.conf");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var (keyExit, keyOutput) = await Command.RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-keyout", Path.Combine(_dir, "tls.key"), "-out", Path.Combine(_dir, "tls.crt")]);
        Assert.True(keyExit == 0, keyOutput);
        var (renderExit, renderOutput) = await Command.RunAsync("bash", [Path.Combine(TestEnvironment.Root, "gateway/nginx/render.sh")],
            new Dictionary<string, string>
            {
                ["NGINX_DIR"] = _dir, ["LOGS"] = _dir, ["EDGE_HOST"] = "127.0.0.1", ["EDGE_PORT"] = _http.ToString(),
                ["EDGE_TLS_PORT"] = _https.ToString(), ["EDGE_HTTPS_ONLY"] = "true", ["WEB_ROOT"] = _dir,
                ["ROUTES"] = "hospital 127.0.0.1:9", ["HUB_UPSTREAM"] = "127.0.0.1:9", ["WECHAT_UPSTREAM"] = "127.0.0.1:9",
                ["NGINX_USER_DIRECTIVE"] = Environment.UserName == "root" ? "user nobody nogroup;" : "",
                ["TLS_LISTEN"] = $"listen 127.0.0.1:{_https} ssl; ssl_certificate {_dir}/tls.crt; ssl_certificate_key {_dir}/tls.key;",
            });
        Assert.True(renderExit == 0, renderOutput);
        var (exit, output) = await Command.RunAsync("nginx", ["-p", _dir, "-c", Conf]);
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_the_tls_port_with_path_and_query()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var response = await Eventually.Until(
            async () => { try { return await http.GetAsync($"http://127.0.0.1:{_http}/departments?campus=1"); } catch (HttpRequestException) { return null; } },
            r => r is not null, what: "the second edge answering");
        Assert.Equal(HttpStatusCode.PermanentRedirect, response!.StatusCode);
        Assert.Equal($"https://127.0.0.1:{_https}/departments?campus=1", response.Headers.Location?.ToString());
    }

    public async Task DisposeAsync()
    {
        await Command.RunAsync("nginx", ["-p", _dir, "-c", Conf, "-s", "quit"]);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
