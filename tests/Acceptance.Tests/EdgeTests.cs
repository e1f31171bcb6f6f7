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
    public async Task Every_response_carries_a_correlation_id_that_the_caller_can_set()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/hospital/departments");
        request.Headers.Add("X-Correlation-Id", "acceptance-corr-123");
        var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        Assert.Equal("acceptance-corr-123", response.Headers.GetValues("X-Correlation-Id").Single());
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
