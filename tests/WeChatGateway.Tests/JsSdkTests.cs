using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WeChatGateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class JsSdkTests(GatewayFixture fixture)
{
    private GatewayStack Stack => fixture.Stack;

    [Fact]
    public async Task The_signature_verifies_against_the_simulators_jsapi_ticket()
    {
        const string page = "http://127.0.0.1:8080/payments?order=42";
        var config = await Stack.Gateway.GetFromJsonAsync<JsonElement>(
            $"/api/wechat/jssdk/signature?url={Uri.EscapeDataString(page + "#/pay")}");
        Assert.Equal(WeChatSimulator.AppId, config.GetProperty("appId").GetString());

        var verdict = await Stack.Simulator.PostAsync("/$sim/jssdk/verify", new
        {
            url = page,
            timestamp = config.GetProperty("timestamp").GetInt64(),
            nonceStr = config.GetProperty("nonceStr").GetString(),
            signature = config.GetProperty("signature").GetString(),
        });
        Assert.True(verdict.GetProperty("valid").GetBoolean());

        var tampered = await Stack.Simulator.PostAsync("/$sim/jssdk/verify", new
        {
            url = page + "&x=1",
            timestamp = config.GetProperty("timestamp").GetInt64(),
            nonceStr = config.GetProperty("nonceStr").GetString(),
            signature = config.GetProperty("signature").GetString(),
        });
        Assert.False(tampered.GetProperty("valid").GetBoolean());

        await Stack.Gateway.GetAsync($"/api/wechat/jssdk/signature?url={Uri.EscapeDataString(page)}");
        Assert.Equal(1, await Stack.Simulator.CounterAsync("ticket"));
    }

    [Fact]
    public async Task Pages_off_the_platform_get_no_signature()
    {
        var response = await Stack.Gateway.GetAsync($"/api/wechat/jssdk/signature?url={Uri.EscapeDataString("https://evil.example.com/")}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
