using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Acceptance.Tests;

/// <summary>What nginx promises at the edge, checked against the running stack.</summary>
public sealed class EdgeTests
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl) };

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem_document()
    {
        foreach (var path in new[] { "/api/no-such-area/x", "/api/hospital/no-such-thing" })
        {
            var response = await Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("not_found", problem.GetProperty("code").GetString());
            Assert.Equal("请求的资源不存在", problem.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task A_body_over_10_MB_is_refused_with_413_before_reaching_a_service()
    {
        var body = new ByteArrayContent(new byte[11 * 1024 * 1024]);
        body.Headers.ContentType = new("application/json");
        var response = await Http.PutAsync($"/api/hospital/departments/{Guid.NewGuid()}", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("payload_too_large", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_edge_passes_a_well_formed_traceparent_on_and_starts_a_trace_for_anything_else()
    {
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/hospital/departments");
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-b7ad6b7169203331-01");
        var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        Assert.StartsWith($"00-{traceId}-", response.Headers.GetValues("traceresponse").Single());

        var forged = new HttpRequestMessage(HttpMethod.Get, "/api/hospital/departments");
        forged.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId.ToUpperInvariant()}-b7ad6b7169203331-01 x");
        var fresh = (await Http.SendAsync(forged)).Headers.GetValues("traceresponse").Single();
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$", fresh);
        Assert.DoesNotContain(traceId, fresh);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/doctor/")]
    [InlineData("/admin/")]
    [InlineData("/departments")]
    public async Task The_web_apps_are_served_with_spa_fallback(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<div id=\"app\"", await response.Content.ReadAsStringAsync());
    }
}
