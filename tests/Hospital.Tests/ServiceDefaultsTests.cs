using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hospital.Tests;

/// <summary>What every service gets from AddServiceDefaults, checked on a real one.</summary>
public sealed class ServiceDefaultsTests(HospitalServiceFixture fixture) : IClassFixture<HospitalServiceFixture>
{
    [Fact]
    public async Task Readiness_reports_the_database_and_the_broker()
    {
        var client = fixture.Service.CreateClient();
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var checks = ready.GetProperty("checks");
        Assert.True(checks.TryGetProperty("postgres", out _));
        Assert.True(checks.TryGetProperty("masstransit-bus", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Publishes_an_openapi_document()
    {
        var doc = await fixture.Service.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/hospital/departments", out _));
    }

    [Fact]
    public async Task A_hostile_traceparent_is_replaced_not_echoed()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/hospital/departments");
        request.Headers.TryAddWithoutValidation("traceparent", "00-abc\" injected=1 <script>-b7ad6b7169203331-01");
        var response = await fixture.Service.CreateClient().SendAsync(request);
        var answered = response.Headers.GetValues("traceresponse").Single();
        Assert.DoesNotContain("script", answered);
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", answered);
    }

    [Fact]
    public async Task The_callers_trace_is_continued_and_answered_in_traceresponse()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/hospital/departments");
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-b7ad6b7169203331-01");
        var response = await fixture.Service.CreateClient().SendAsync(request);
        var answered = response.Headers.GetValues("traceresponse").Single();
        Assert.StartsWith($"00-{traceId}-", answered);
        Assert.DoesNotContain("b7ad6b7169203331", answered); // the service's own span, child of the caller's
    }
}
