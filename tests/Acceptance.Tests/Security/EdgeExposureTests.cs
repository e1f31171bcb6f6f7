using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Platform.Testing;

namespace Acceptance.Tests.Security;

/// <summary>What the edge lets out: service-to-service endpoints do not exist from outside whatever the token, no
/// other site may read the API from a browser (no CORS grant, to any origin or preflight), and the one cookie the
/// platform sets (the WeChat-binding browser key) is HttpOnly, SameSite=Strict, Secure over TLS and scoped to its path.</summary>
[Trait("Rubric", "S01")]
public sealed class EdgeExposureTests
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl) };

    [Theory]
    [InlineData("/api/identity/internal/patients/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("/api/identity/internal/accounts/3f2504e0-4f89-11d3-9a0c-0305e82c3301/wechat-payer")]
    [InlineData("/api/triage/internal/patients/3f2504e0-4f89-11d3-9a0c-0305e82c3301/allergies")]
    [InlineData("/api/IDENTITY/internal/patients/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("/api/identity/%69nternal/patients/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("/api/identity//internal/patients/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    public async Task Service_to_service_endpoints_do_not_exist_at_the_edge_even_for_a_staff_token(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await StackTokens.StaffAsync());
        var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not_found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/api/hospital/departments")]
    [InlineData("/api/identity/me")]
    [InlineData("/api/scheduling/appointments")]
    [InlineData("/api/identity/connect/token")]
    public async Task No_other_origin_is_granted_cross_origin_reads(string path)
    {
        foreach (var origin in new[] { "https://evil.example", "null", TestEnvironment.EdgeUrl + ".evil.example" })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            var answer = await Http.SendAsync(preflight);
            Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"), $"preflight from {origin} to {path} granted");
            Assert.False(answer.Headers.Contains("Access-Control-Allow-Credentials"));

            using var read = new HttpRequestMessage(HttpMethod.Get, path);
            read.Headers.Add("Origin", origin);
            var response = await Http.SendAsync(read);
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), $"read from {origin} to {path} granted");
        }
    }

    [Fact]
    public async Task The_binding_cookie_is_http_only_strict_secure_over_tls_and_scoped_to_its_path()
    {
        var account = await IdentityApi.RegisterAsync();
        using var tls = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true, UseCookies = false })
        { BaseAddress = new Uri(TestEnvironment.EdgeTlsUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/me/wechat/intents");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        var response = await tls.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.StartsWith("platform.wxbind=", cookie);
        Assert.Contains("httponly", attributes);
        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/api/identity/me/wechat", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
    }
}
