using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace WeChatGateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class MiniProgramTests(GatewayFixture fixture)
{
    private GatewayStack Stack => fixture.Stack;

    private Task<HttpResponseMessage> LoginAsync(object body) => Stack.Gateway.PostAsJsonAsync("/api/wechat/miniprogram/login", body);

    private async Task<HttpResponseMessage> AsIdentityAsync(string path, object body, string? role = "integration")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (role is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role));
        return await Stack.Gateway.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_wx_login_code_becomes_a_one_time_ticket_naming_the_mini_program_openid_and_the_unionid()
    {
        var (code, miniOpenId, unionId) = await Stack.Simulator.LoginCodeAsync("lisi");
        var login = await LoginAsync(new { code });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var raw = await login.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(120, body.GetProperty("expiresIn").GetInt32());
        Assert.DoesNotContain(miniOpenId, raw);
        Assert.DoesNotContain("session", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(unionId, raw);
        var ticket = body.GetProperty("ticket").GetString()!;

        var redeemed = await AsIdentityAsync("/api/wechat/oauth/tickets/redeem", new { ticket });
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        var who = await JsonAsync(redeemed);
        Assert.Equal("miniprogram", who.GetProperty("app").GetString());
        Assert.Equal(miniOpenId, who.GetProperty("openId").GetString());
        Assert.NotEqual(await Stack.Simulator.OpenIdOfAsync("lisi"), miniOpenId);
        // The unionid is the one the service account's OAuth gives for the same person.
        Assert.Equal((await Stack.Simulator.GetAsync("/$sim/users?name=lisi")).GetProperty("unionid").GetString(), who.GetProperty("unionId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await AsIdentityAsync("/api/wechat/oauth/tickets/redeem", new { ticket })).StatusCode);

        // Kept server-side, encrypted: neither the openid nor the unionid in clear anywhere.
        Assert.Equal(1, await Stack.CountAsync(
            $"SELECT count(*) FROM miniprogram_sessions WHERE id = '{TestKeys.WeChatUserIds.For(miniOpenId)}' AND session_key_encrypted <> '' AND union_id_encrypted IS NOT NULL"));
        Assert.Equal(0, await Stack.CountAsync(
            $"SELECT count(*) FROM miniprogram_sessions WHERE open_id_encrypted LIKE '%{miniOpenId}%' OR union_id_encrypted LIKE '%{unionId}%'"));
        Assert.Equal(0, await Stack.CountAsync($"SELECT count(*) FROM oauth_tickets t WHERE t::text LIKE '%{unionId}%'"));
    }

    [Fact]
    public async Task The_binding_intent_travels_through_the_login_to_identity()
    {
        var (code, _, _) = await Stack.Simulator.LoginCodeAsync("wangfang");
        var ticket = (await JsonAsync(await LoginAsync(new { code, intent = "intent-123_abc" }))).GetProperty("ticket").GetString()!;
        var who = await JsonAsync(await AsIdentityAsync("/api/wechat/oauth/tickets/redeem", new { ticket }));
        Assert.Equal("intent-123_abc", who.GetProperty("intent").GetString());

        var (next, _, _) = await Stack.Simulator.LoginCodeAsync("wangfang");
        var bad = await LoginAsync(new { code = next, intent = "not an intent!" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_used_or_forged_code_is_refused_in_chinese()
    {
        var (code, _, _) = await Stack.Simulator.LoginCodeAsync("patient");
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(new { code })).StatusCode);
        foreach (var refused in new object[] { new { code }, new { code = "forged-code" }, new { code = "" }, new { } })
        {
            var response = await LoginAsync(refused);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await JsonAsync(response);
            Assert.Equal("invalid_code", problem.GetProperty("code").GetString());
            Assert.Contains("登录凭证无效", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task WeChat_down_or_busy_is_503_and_its_quota_429()
    {
        var (code, _, _) = await Stack.Simulator.LoginCodeAsync("patient");
        await Stack.Simulator.FaultsAsync(new { failNext = new { path = "/sns/jscode2session", errcode = -1 } });
        var busy = await LoginAsync(new { code });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal("wechat_unavailable", (await JsonAsync(busy)).GetProperty("code").GetString());

        await Stack.Simulator.FaultsAsync(new { down = true });
        try
        {
            var down = await LoginAsync(new { code });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Contains("微信", (await JsonAsync(down)).GetProperty("detail").GetString());
        }
        finally
        {
            await Stack.Simulator.Http.DeleteAsync("/$sim/faults");
        }

        await Stack.Simulator.FaultsAsync(new { failNext = new { path = "/sns/jscode2session", errcode = 45011 } });
        var quota = await LoginAsync(new { code });
        Assert.Equal(HttpStatusCode.TooManyRequests, quota.StatusCode);
        // The code was never spent by those refusals.
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(new { code })).StatusCode);
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_phone_grant_is_resolved_for_identity_only_with_our_fresh_watermark()
    {
        var code = await Stack.Simulator.PhoneCodeAsync(new { userId = "patient" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await AsIdentityAsync("/api/wechat/miniprogram/phone", new { code }, role: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AsIdentityAsync("/api/wechat/miniprogram/phone", new { code }, role: "patient")).StatusCode);

        var resolved = await AsIdentityAsync("/api/wechat/miniprogram/phone", new { code });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var number = await JsonAsync(resolved);
        Assert.Equal("13800138000", number.GetProperty("phoneNumber").GetString());
        Assert.Equal("86", number.GetProperty("countryCode").GetString());

        var spent = await AsIdentityAsync("/api/wechat/miniprogram/phone", new { code });
        Assert.Equal("phone_code_invalid", (await JsonAsync(spent)).GetProperty("code").GetString());

        var foreign = await Stack.Simulator.PhoneCodeAsync(new { userId = "lisi", watermarkAppId = "wx0000000000000000" });
        var mismatch = await AsIdentityAsync("/api/wechat/miniprogram/phone", new { code = foreign });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        var problem = await JsonAsync(mismatch);
        Assert.Equal("phone_unverified", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("13900139000", problem.GetRawText());

        var stale = await Stack.Simulator.PhoneCodeAsync(new { userId = "lisi", watermarkTimestamp = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds() });
        Assert.Equal("phone_unverified", (await JsonAsync(await AsIdentityAsync("/api/wechat/miniprogram/phone", new { code = stale }))).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_phone_api_uses_the_mini_programs_own_access_token()
    {
        var before = (await Stack.Simulator.MiniProgramStateAsync()).GetProperty("tokenCounters").GetProperty("issuedTokens").GetInt32();
        var code = await Stack.Simulator.PhoneCodeAsync(new { userId = "wangfang" });
        Assert.Equal(HttpStatusCode.OK, (await AsIdentityAsync("/api/wechat/miniprogram/phone", new { code })).StatusCode);
        var state = await Stack.Simulator.MiniProgramStateAsync();
        Assert.Equal(MiniProgramSimulator.AppId, state.GetProperty("appId").GetString());
        Assert.True(state.GetProperty("tokenCounters").GetProperty("issuedTokens").GetInt32() >= Math.Max(before, 1));
    }
}
