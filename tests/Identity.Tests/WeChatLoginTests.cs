using System.Net;
using System.Net.Http.Json;
using Identity.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Tests;

public sealed class WeChatLoginTests(WeChatIdentityFixture f) : IClassFixture<WeChatIdentityFixture>
{
    private Task<HttpResponseMessage> WeChatGrantAsync(string ticket, string clientId = "patient") =>
        f.TokenAsync(("grant_type", "wechat_ticket"), ("ticket", ticket), ("client_id", clientId));

    private async Task<string> BindTokenForAsync(string openId)
    {
        var response = await WeChatGrantAsync(f.Gateway.IssueTicket(openId));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("wechat_bind_required", problem.GetProperty("code").GetString());
        return problem.GetProperty("bindToken").GetString()!;
    }

    [Fact]
    public async Task An_unbound_openid_gets_a_bind_token_then_signs_in_with_wechat_after_binding()
    {
        var session = await f.RegisterAsync();
        var openId = FakeWeChatGateway.NewOpenId();
        var bindToken = await BindTokenForAsync(openId);

        var me = f.Client(session.AccessToken);
        Assert.False((await (await me.GetAsync("/api/identity/me")).JsonAsync()).GetProperty("wechatBound").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await me.PostAsJsonAsync("/api/identity/me/wechat", new { bindToken })).StatusCode);
        Assert.True((await (await me.GetAsync("/api/identity/me")).JsonAsync()).GetProperty("wechatBound").GetBoolean());

        var signedIn = await WeChatGrantAsync(f.Gateway.IssueTicket(openId));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var access = new JsonWebToken((await signedIn.JsonAsync()).GetProperty("access_token").GetString());
        Assert.Equal(session.AccountId.ToString(), access.Subject);
        Assert.Equal("wechat", access.GetPayloadValue<string[]>("amr").Single());

        Assert.Equal(1, await f.Database.ScalarAsync(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%WeChatAccountBoundIntegrationEvent%' AND payload->>'accountId' = '{session.AccountId}' AND payload->>'openId' = '{openId}'"));
        // Stored only hashed and encrypted.
        Assert.Equal(0, await f.Database.ScalarAsync($"SELECT count(*) FROM accounts WHERE we_chat_open_id_encrypted LIKE '%{openId}%' OR we_chat_open_id_hash = '{openId}'"));
    }

    [Fact]
    public async Task A_wechat_sign_in_refreshes_for_the_patient_portal_and_keeps_its_method()
    {
        var session = await f.RegisterAsync();
        var openId = FakeWeChatGateway.NewOpenId();
        var bindToken = await BindTokenForAsync(openId);
        Assert.Equal(HttpStatusCode.NoContent, (await f.Client(session.AccessToken).PostAsJsonAsync("/api/identity/me/wechat", new { bindToken })).StatusCode);
        var signedIn = await (await WeChatGrantAsync(f.Gateway.IssueTicket(openId))).JsonAsync();

        var refreshed = await f.TokenAsync(("grant_type", "refresh_token"),
            ("refresh_token", signedIn.GetProperty("refresh_token").GetString()!), ("client_id", "patient"));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var access = new JsonWebToken((await refreshed.JsonAsync()).GetProperty("access_token").GetString());
        Assert.Equal(session.AccountId.ToString(), access.Subject);
        Assert.Equal("wechat", access.GetPayloadValue<string[]>("amr").Single());
    }

    [Fact]
    public async Task A_bind_token_is_single_use_and_an_openid_binds_one_account()
    {
        var first = await f.RegisterAsync();
        var second = await f.RegisterAsync();
        var openId = FakeWeChatGateway.NewOpenId();
        var bindToken = await BindTokenForAsync(openId);
        Assert.Equal(HttpStatusCode.NoContent, (await f.Client(first.AccessToken).PostAsJsonAsync("/api/identity/me/wechat", new { bindToken })).StatusCode);
        var reused = await f.Client(second.AccessToken).PostAsJsonAsync("/api/identity/me/wechat", new { bindToken });
        Assert.Equal("bind_token_invalid", (await reused.JsonAsync()).GetProperty("code").GetString());

        // A fresh token for an openid already bound elsewhere is refused — but the grant signs the first account in instead.
        var signedIn = await WeChatGrantAsync(f.Gateway.IssueTicket(openId));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(first.AccountId.ToString(), new JsonWebToken((await signedIn.JsonAsync()).GetProperty("access_token").GetString()).Subject);
    }

    [Fact]
    public async Task Unbinding_stops_wechat_sign_in_and_is_announced()
    {
        var session = await f.RegisterAsync();
        var openId = FakeWeChatGateway.NewOpenId();
        var me = f.Client(session.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await me.PostAsJsonAsync("/api/identity/me/wechat", new { bindToken = await BindTokenForAsync(openId) })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await me.DeleteAsync("/api/identity/me/wechat")).StatusCode);
        Assert.False((await (await me.GetAsync("/api/identity/me")).JsonAsync()).GetProperty("wechatBound").GetBoolean());
        await BindTokenForAsync(openId);
        Assert.Equal(1, await f.Database.ScalarAsync(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%WeChatAccountUnboundIntegrationEvent%' AND payload->>'accountId' = '{session.AccountId}'"));
    }

    [Fact]
    public async Task Closing_the_account_erases_its_wechat_binding()
    {
        var session = await f.RegisterAsync();
        var openId = FakeWeChatGateway.NewOpenId();
        var me = f.Client(session.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await me.PostAsJsonAsync("/api/identity/me/wechat", new { bindToken = await BindTokenForAsync(openId) })).StatusCode);
        var close = new HttpRequestMessage(HttpMethod.Delete, "/api/identity/me") { Content = JsonContent.Create(new { password = session.Password }) };
        Assert.Equal(HttpStatusCode.Accepted, (await me.SendAsync(close)).StatusCode);
        await BindTokenForAsync(openId);
        Assert.Equal(0, await f.Database.ScalarAsync($"SELECT count(*) FROM accounts WHERE id = '{session.AccountId}' AND we_chat_open_id_hash IS NOT NULL"));
    }

    [Fact]
    public async Task Spent_or_unknown_tickets_and_other_portals_are_refused()
    {
        var ticket = f.Gateway.IssueTicket(FakeWeChatGateway.NewOpenId());
        Assert.Equal("invalid_client", (await (await WeChatGrantAsync(ticket, "doctor")).JsonAsync()).GetProperty("code").GetString());
        await WeChatGrantAsync(ticket);
        var spent = await WeChatGrantAsync(ticket);
        Assert.Equal(HttpStatusCode.BadRequest, spent.StatusCode);
        Assert.Equal("wxticket_invalid", (await spent.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Identity_redeems_tickets_with_an_integration_token_it_signed_itself()
    {
        await WeChatGrantAsync(f.Gateway.IssueTicket(FakeWeChatGateway.NewOpenId()));
        var header = f.Gateway.AuthorizationHeaders.Last();
        Assert.StartsWith("Bearer ", header);
        var jwks = new JsonWebKeySet(await f.Client().GetStringAsync("/api/identity/.well-known/jwks.json"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(header["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = "urn:platform:identity", ValidAudience = "platform", IssuerSigningKeys = jwks.GetSigningKeys(),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("integration", result.Claims["role"]);
    }
}
