using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Identity.Tests.Support;
using Platform.Testing;

namespace Identity.Tests;

public sealed class SmsCodeLimitTests(IdentityFixture f) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task One_code_per_number_per_minute_and_ten_a_day()
    {
        var phone = IdentityApi.NewPhone();
        try
        {
            Assert.Equal(HttpStatusCode.Accepted, (await f.Client().RequestCodeAsync(phone)).StatusCode);
            var again = await f.Client().RequestCodeAsync(phone);
            Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
            Assert.True(again.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.Equal("too_many_requests", (await again.JsonAsync()).GetProperty("code").GetString());

            for (var i = 1; i < 10; i++)
            {
                f.Clock.Advance(TimeSpan.FromSeconds(61));
                Assert.Equal(HttpStatusCode.Accepted, (await f.Client().RequestCodeAsync(phone)).StatusCode);
            }
            f.Clock.Advance(TimeSpan.FromSeconds(61));
            var eleventh = await f.Client().RequestCodeAsync(phone);
            Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
            Assert.Contains("今日", (await eleventh.JsonAsync()).GetProperty("detail").GetString());
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Thirty_codes_per_address_per_hour()
    {
        var ip = IdentityApi.NewIp();
        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await f.Client(ip: ip).RequestCodeAsync(IdentityApi.NewPhone(), "login")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await f.Client(ip: ip).RequestCodeAsync(IdentityApi.NewPhone(), "login")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await f.Client().RequestCodeAsync(IdentityApi.NewPhone(), "login")).StatusCode);
    }

    [Fact]
    public async Task Known_and_unknown_numbers_get_the_same_answer_in_similar_time()
    {
        var known = (await f.RegisterAsync()).Phone;
        f.Clock.Advance(TimeSpan.FromMinutes(2));
        try
        {
            var unknown = IdentityApi.NewPhone();
            var (knownResponse, knownTime) = await Timed(() => f.Client().RequestCodeAsync(known, "login"));
            var (unknownResponse, unknownTime) = await Timed(() => f.Client().RequestCodeAsync(unknown, "login"));

            Assert.Equal(knownResponse.StatusCode, unknownResponse.StatusCode);
            Assert.Equal(await knownResponse.Content.ReadAsStringAsync(), await unknownResponse.Content.ReadAsStringAsync());
            // The known number's code is sent while the request waits (a provider failure must be told, not dropped);
            // a local provider answers within milliseconds, so the two still look alike.
            Assert.True(Math.Abs((knownTime - unknownTime).TotalMilliseconds) < 500, $"{knownTime} vs {unknownTime}");
            await Eventually.Until(() => f.SmsMessagesAsync(known), m => m.Count == 2, TimeSpan.FromSeconds(10));
            Assert.Empty(await f.SmsMessagesAsync(unknown));
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_code_the_provider_refuses_is_reported_in_chinese_and_withdrawn()
    {
        var phone = IdentityApi.NewPhone();
        (await f.Sms.Http.PostAsJsonAsync("$sim/faults", new { mode = "error", count = 1 })).EnsureSuccessStatusCode();

        var refused = await f.Client().RequestCodeAsync(phone);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("sms_unavailable", problem.GetProperty("code").GetString());
        Assert.Equal("短信发送失败，请稍后重试", problem.GetProperty("detail").GetString());
        Assert.Empty(await f.SmsMessagesAsync(phone));

        // The unsent code does not hold back the next request with the resend interval.
        Assert.Equal(HttpStatusCode.Accepted, (await f.Client().RequestCodeAsync(phone)).StatusCode);
        Assert.Single(await f.SmsMessagesAsync(phone));
    }

    [Theory]
    [InlineData("""{"phone":"12345","purpose":"register"}""", "phone")]
    [InlineData("""{"phone":"13800000001' OR 1=1--","purpose":"register"}""", "phone")]
    [InlineData("""{"phone":"13800000001","purpose":"spam"}""", "purpose")]
    public async Task Malformed_requests_are_field_errors(string body, string field)
    {
        var response = await f.Client().PostAsync("/api/identity/sms-codes", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    private static async Task<(HttpResponseMessage, TimeSpan)> Timed(Func<Task<HttpResponseMessage>> call)
    {
        var watch = Stopwatch.StartNew();
        var response = await call();
        return (response, watch.Elapsed);
    }
}
