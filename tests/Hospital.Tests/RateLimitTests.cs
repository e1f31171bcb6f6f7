using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.API.Infrastructure;
using Platform.Testing;

namespace Hospital.Tests;

public sealed class RateLimitTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TestVirtualHost _vhost = null!;
    private ServiceFactory<HospitalDbContext> _service = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync("ratelimit");
        _vhost = await TestVirtualHost.CreateAsync("ratelimit");
        _service = ServiceFactory<HospitalDbContext>.Create("hospitaldb", _db, _vhost.AmqpUri,
            new Dictionary<string, string>(DemoData.Settings) { ["RateLimiting:PermitsPerMinute"] = "3" });
    }

    [Fact]
    public async Task A_client_over_its_budget_gets_a_429_problem_in_chinese_but_health_checks_still_answer()
    {
        var client = _service.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/hospital/departments")).StatusCode);

        var refused = await client.GetAsync("/api/hospital/departments");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("too_many_requests", problem.GetProperty("code").GetString());
        Assert.Equal("请求过于频繁，请稍后再试", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _vhost.DisposeAsync();
        await _db.DisposeAsync();
    }
}
