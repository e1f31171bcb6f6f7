using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Acceptance.Tests.Security;

/// <summary>The edge as an attacker or an auditor meets it: its own errors are problem documents, browsers get the
/// security headers, TLS offers only forward-secret AEAD suites, and the access log keeps no secrets.</summary>
[Trait("Rubric", "S01")]
public sealed class EdgeHardeningTests
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl) };

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_method_the_edge_does_not_serve_is_a_405_problem_document() =>
        await AssertProblemAsync(await Http.PostAsync("/", new StringContent("x")), HttpStatusCode.MethodNotAllowed, "method_not_allowed");

    [Fact]
    public async Task An_overlong_address_is_a_414_problem_document() =>
        await AssertProblemAsync(await Http.GetAsync("/api/hospital/" + new string('a', 12_000)), HttpStatusCode.RequestUriTooLong, "uri_too_long");

    [Fact]
    public async Task A_malformed_request_is_a_400_problem_document()
    {
        var edge = new Uri(TestEnvironment.EdgeUrl);
        using var client = new TcpClient();
        await client.ConnectAsync(edge.Host, edge.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /api/hospital/departments HTTP/1.1\r\nHost: bad host\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 400", response);
        Assert.Contains("Content-Type: application/problem+json", response);
        Assert.Contains("\"code\":\"bad_request\"", response);
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_and_a_permissions_policy_and_plain_http_gets_no_hsts()
    {
        var response = await Http.GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Contains("payment=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Over_tls_the_edge_pins_https()
    {
        using var tls = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true })
        { BaseAddress = new Uri(TestEnvironment.EdgeTlsUrl) };
        var response = await tls.GetAsync("/api/hospital/departments");
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Theory]
    [InlineData("AES128-GCM-SHA256", false)] // no forward secrecy
    [InlineData("ECDHE-RSA-AES128-SHA", false)] // CBC, not AEAD
    [InlineData("ECDHE-RSA-AES256-SHA384", false)]
    [InlineData("ECDHE-RSA-AES128-GCM-SHA256", true)]
    [InlineData("ECDHE-RSA-CHACHA20-POLY1305", true)]
    public async Task Tls_1_2_offers_only_forward_secret_aead_suites(string cipher, bool accepted)
    {
        var edge = new Uri(TestEnvironment.EdgeTlsUrl);
        var (exit, output) = await Command.RunAsync("openssl",
            ["s_client", "-connect", $"{edge.Host}:{edge.Port}", "-tls1_2", "-cipher", $"{cipher}:@SECLEVEL=0", "-brief"]);
        Assert.True(accepted == (exit == 0), $"{cipher}: exit {exit}\n{output}");
    }

    [Fact]
    public async Task The_access_log_keeps_paths_but_no_query_strings_or_referrer_queries()
    {
        var marker = Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/hospital/departments?code=oauth-{marker}&openid=o-{marker}");
        request.Headers.Referrer = new Uri($"http://127.0.0.1/account/wechat?wxticket=t-{marker}");
        request.Headers.Add("User-Agent", $"edge-log-{marker}");
        (await Http.SendAsync(request)).EnsureSuccessStatusCode();

        var log = Path.Combine(TestEnvironment.Logs, "nginx-access.log");
        var line = await Eventually.Until(
            async () => (await File.ReadAllLinesAsync(log)).FirstOrDefault(l => l.Contains($"edge-log-{marker}")),
            l => l is not null, what: "the request's access-log line");
        Assert.NotNull(line);
        Assert.Contains("GET /api/hospital/departments ", line);
        Assert.Contains("/account/wechat", line);
        Assert.DoesNotContain($"oauth-{marker}", line);
        Assert.DoesNotContain($"o-{marker}", line);
        Assert.DoesNotContain($"t-{marker}", line);
    }
}
