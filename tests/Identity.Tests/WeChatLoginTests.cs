using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Identity.API.Application;
using Identity.API.Infrastructure;
using Identity.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Persistence;
using Platform.Security.Otp;
using Platform.Testing;

namespace Identity.Tests;

public sealed class WeChatLoginTests(WeChatIdentityFixture f) : IClassFixture<WeChatIdentityFixture>
{
    private const string Me = "/api/identity/me";
    private const string Intents = "/api/identity/me/wechat/intents";
    private const string Pending = "/api/identity/me/wechat/pending";
    private const string Confirm = "/api/identity/me/wechat";

    private Task<HttpResponseMessage> WeChatGrantAsync(string ticket, string clientId = "patient") =>
        f.TokenAsync(("grant_type", "wechat_ticket"), ("ticket", ticket), ("client_id", clientId));

    /// <summary>What the patient app does in one browser (one cookie jar): start, go through WeChat, see who it is.</summary>
    private async Task<JsonElement> StartAndRedeemAsync(HttpClient browser, string openId, string nickname = "微信用户")
    {
        var started = await browser.PostAsync(Intents, null);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var intent = (await started.JsonAsync()).GetProperty("intent").GetString();
        var pending = await browser.PostAsJsonAsync(Pending, new { ticket = f.Gateway.IssueTicket(openId, intent, nickname) });
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        return await pending.JsonAsync();
    }

    private async Task BindAsync(HttpClient browser, string openId)
    {
        await StartAndRedeemAsync(browser, openId);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync(Confirm, null)).StatusCode);
    }

    /// <summary>A binding as the database holds it, made without the binding API (so the sign-in and unbinding tests
    /// exercise only what they are about).</summary>
    private async Task BindInDatabaseAsync(Guid accountId, string openId)
    {
        await using var scope = f.Service.Services.CreateAsyncScope();
        var hash = scope.ServiceProvider.GetRequiredService<IdentityHashes>().WeChatOpenId(openId);
        await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Accounts.Where(a => a.Id == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.WeChatOpenIdHash, hash));
    }

    private static async Task<bool> WeChatBoundAsync(HttpClient me) =>
        (await (await me.GetAsync(Me)).JsonAsync()).GetProperty("wechatBound").GetBoolean();

    private Task<long> BoundEventsAsync(Guid accountId) => f.Database.ScalarAsync(
        $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%WeChatAccountBoundIntegrationEvent%' AND payload->>'accountId' = '{accountId}'");

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_ticket_from_someone_elses_link_binds_nothing_and_cannot_be_confirmed()
    {
        var victim = await f.RegisterAsync();
        var attacker = await f.RegisterAsync();
        var attackerOpenId = FakeWeChatGateway.NewOpenId();
        var victimBrowser = f.Client(victim.AccessToken);

        // The attacker's own WeChat round trip yields a ticket; signing in with it no longer hands out anything that binds.
        var grant = await (await WeChatGrantAsync(f.Gateway.IssueTicket(attackerOpenId))).JsonAsync();
        Assert.Equal("wechat_bind_required", grant.GetProperty("code").GetString());
        Assert.False(grant.TryGetProperty("bindToken", out _));

        // The link's ticket, opened by the signed-in victim: no intent of theirs.
        var linked = await victimBrowser.PostAsJsonAsync(Pending, new { ticket = f.Gateway.IssueTicket(attackerOpenId) });
        Assert.Equal(HttpStatusCode.BadRequest, linked.StatusCode);
        var problem = await linked.JsonAsync();
        Assert.Equal("wechat_bind_foreign", problem.GetProperty("code").GetString());
        Assert.Contains("未绑定任何微信", problem.GetProperty("detail").GetString());

        // A ticket carrying the attacker's own intent (started in the attacker's browser) is no better.
        var attackerBrowser = f.Client(attacker.AccessToken);
        var attackerIntent = (await (await attackerBrowser.PostAsync(Intents, null)).JsonAsync()).GetProperty("intent").GetString();
        var foreignIntent = await victimBrowser.PostAsJsonAsync(Pending, new { ticket = f.Gateway.IssueTicket(attackerOpenId, attackerIntent) });
        Assert.Equal("wechat_bind_foreign", (await foreignIntent.JsonAsync()).GetProperty("code").GetString());

        // Nor is the victim's own intent when the ticket comes back to another browser (the cookie is missing).
        var victimIntent = (await (await victimBrowser.PostAsync(Intents, null)).JsonAsync()).GetProperty("intent").GetString();
        var otherBrowser = f.Client(victim.AccessToken);
        var elsewhere = await otherBrowser.PostAsJsonAsync(Pending, new { ticket = f.Gateway.IssueTicket(attackerOpenId, victimIntent) });
        Assert.Equal("wechat_bind_foreign", (await elsewhere.JsonAsync()).GetProperty("code").GetString());

        // Nothing waits for confirmation, in any of those browsers.
        foreach (var browser in new[] { victimBrowser, otherBrowser })
        {
            var confirm = await browser.PostAsync(Confirm, null);
            Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
            Assert.Equal("wechat_bind_not_pending", (await confirm.JsonAsync()).GetProperty("code").GetString());
        }
        Assert.False(await WeChatBoundAsync(victimBrowser));
        Assert.Equal(0, await BoundEventsAsync(victim.AccountId));
        Assert.Equal("wechat_bind_required", (await (await WeChatGrantAsync(f.Gateway.IssueTicket(attackerOpenId))).JsonAsync())
            .GetProperty("code").GetString());
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task Binding_shows_who_is_being_bound_and_waits_for_the_owners_confirmation()
    {
        var session = await f.RegisterAsync();
        var openId = FakeWeChatGateway.NewOpenId();
        var browser = f.Client(session.AccessToken);

        var shown = await StartAndRedeemAsync(browser, openId, "张三");
        Assert.Equal("张三", shown.GetProperty("nickname").GetString());
        Assert.StartsWith("https://thirdwx.qlogo.cn/", shown.GetProperty("avatarUrl").GetString());
        var masked = shown.GetProperty("maskedOpenId").GetString()!;
        Assert.Contains("****", masked);
        Assert.DoesNotContain(openId, shown.GetRawText());
        Assert.False(await WeChatBoundAsync(browser));
        Assert.Equal(0, await BoundEventsAsync(session.AccountId));

        // 取消: forgotten, nothing left to confirm.
        Assert.Equal(HttpStatusCode.NoContent, (await browser.DeleteAsync(Pending)).StatusCode);
        Assert.Equal("wechat_bind_not_pending", (await (await browser.PostAsync(Confirm, null)).JsonAsync()).GetProperty("code").GetString());
        Assert.False(await WeChatBoundAsync(browser));

        // 确认绑定: bound, announced, and WeChat signs this account in from then on.
        await StartAndRedeemAsync(browser, openId, "张三");
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync(Confirm, null)).StatusCode);
        Assert.True(await WeChatBoundAsync(browser));
        Assert.Equal(1, await f.Database.ScalarAsync(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%WeChatAccountBoundIntegrationEvent%' AND payload->>'accountId' = '{session.AccountId}' AND payload->>'weChatUserId' = '{TestKeys.WeChatUserIds.For(openId)}' AND payload::text NOT LIKE '%{openId}%'"));
        // Stored only hashed and encrypted.
        Assert.Equal(0, await f.Database.ScalarAsync($"SELECT count(*) FROM accounts WHERE we_chat_open_id_encrypted LIKE '%{openId}%' OR we_chat_open_id_hash = '{openId}'"));
        Assert.Equal(0, await f.Database.ScalarAsync($"SELECT count(*) FROM wechat_bind_intents WHERE open_id_encrypted LIKE '%{openId}%'"));
        // Spent: confirming again finds nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync(Confirm, null)).StatusCode);

        var signedIn = await WeChatGrantAsync(f.Gateway.IssueTicket(openId));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var access = new JsonWebToken((await signedIn.JsonAsync()).GetProperty("access_token").GetString());
        Assert.Equal(session.AccountId.ToString(), access.Subject);
        Assert.Equal("wechat", access.GetPayloadValue<string[]>("amr").Single());
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task WeChat_sign_in_of_an_account_with_an_authenticator_asks_for_its_code_first()
    {
        var session = await f.RegisterAsync();
        var me = f.Client(session.AccessToken);
        var secret = (await (await me.PostAsync("/api/identity/me/mfa/totp", null)).JsonAsync()).GetProperty("secret").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent,
            (await me.PostAsJsonAsync("/api/identity/me/mfa/totp/confirm", new { code = Code(secret, 0) })).StatusCode);
        var openId = FakeWeChatGateway.NewOpenId();
        await BindInDatabaseAsync(session.AccountId, openId);

        var first = await WeChatGrantAsync(f.Gateway.IssueTicket(openId));
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var challenge = await first.JsonAsync();
        Assert.Equal("mfa_required", challenge.GetProperty("code").GetString());
        Assert.Equal("totp", challenge.GetProperty("methods")[0].GetString());
        Assert.False(challenge.TryGetProperty("access_token", out _));
        Assert.False(challenge.TryGetProperty("refresh_token", out _));
        var mfaToken = challenge.GetProperty("mfaToken").GetString()!;

        Task<HttpResponseMessage> Second(string otp) => f.TokenAsync(("grant_type", "wechat_ticket"), ("mfa_token", mfaToken),
            ("otp", otp), ("otp_method", "totp"), ("client_id", "patient"));
        var right = Code(secret, 1);
        Assert.Equal("invalid_otp", (await (await Second(right == "000000" ? "111111" : "000000")).JsonAsync()).GetProperty("code").GetString());
        var ok = await Second(right);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var access = new JsonWebToken((await ok.JsonAsync()).GetProperty("access_token").GetString());
        Assert.Equal(session.AccountId.ToString(), access.Subject);
        Assert.Equal(["wechat", "otp"], access.GetPayloadValue<string[]>("amr"));
        // The challenge is spent.
        Assert.Equal("wxticket_invalid", (await (await Second(Code(secret, 2))).JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task Unbinding_revokes_the_refresh_tokens_of_wechat_sign_ins_and_keeps_the_password_session()
    {
        var session = await f.RegisterAsync();
        var openId = FakeWeChatGateway.NewOpenId();
        await BindInDatabaseAsync(session.AccountId, openId);
        var viaWeChat = await (await WeChatGrantAsync(f.Gateway.IssueTicket(openId))).JsonAsync();
        var wechatRefresh = viaWeChat.GetProperty("refresh_token").GetString()!;

        Assert.Equal(HttpStatusCode.NoContent, (await f.Client(session.AccessToken).DeleteAsync("/api/identity/me/wechat")).StatusCode);

        var refused = await f.TokenAsync(("grant_type", "refresh_token"), ("refresh_token", wechatRefresh), ("client_id", "patient"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_grant", (await refused.JsonAsync()).GetProperty("code").GetString());
        // The owner's own (password) sign-in that unbound it goes on.
        var kept = await f.TokenAsync(("grant_type", "refresh_token"), ("refresh_token", session.RefreshToken), ("client_id", "patient"));
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task A_wechat_sign_in_refreshes_for_the_patient_portal_and_keeps_its_method()
    {
        var session = await f.RegisterAsync();
        var openId = FakeWeChatGateway.NewOpenId();
        await BindAsync(f.Client(session.AccessToken), openId);
        var signedIn = await (await WeChatGrantAsync(f.Gateway.IssueTicket(openId))).JsonAsync();

        var refreshed = await f.TokenAsync(("grant_type", "refresh_token"),
            ("refresh_token", signedIn.GetProperty("refresh_token").GetString()!), ("client_id", "patient"));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = await refreshed.JsonAsync();
        var access = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal(session.AccountId.ToString(), access.Subject);
        Assert.Equal("wechat", access.GetPayloadValue<string[]>("amr").Single());

        // The refreshed token belongs to the same WeChat sign-in: unbinding ends it too.
        Assert.Equal(HttpStatusCode.NoContent, (await f.Client(session.AccessToken).DeleteAsync("/api/identity/me/wechat")).StatusCode);
        var refused = await f.TokenAsync(("grant_type", "refresh_token"),
            ("refresh_token", body.GetProperty("refresh_token").GetString()!), ("client_id", "patient"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task Openids_that_differ_only_in_letter_case_are_two_WeChat_users_also_after_an_upgrade()
    {
        var owner = await f.RegisterAsync();
        var other = await f.RegisterAsync();
        var openId = "oAbC" + FakeWeChatGateway.NewOpenId()[4..];
        var sameLettersOtherCase = openId.ToLowerInvariant();
        await BindAsync(f.Client(owner.AccessToken), openId);

        var refused = await WeChatGrantAsync(f.Gateway.IssueTicket(sameLettersOtherCase));
        Assert.Equal("wechat_bind_required", (await refused.JsonAsync()).GetProperty("code").GetString());
        await BindAsync(f.Client(other.AccessToken), sameLettersOtherCase);
        Assert.Equal(other.AccountId.ToString(),
            new JsonWebToken((await (await WeChatGrantAsync(f.Gateway.IssueTicket(sameLettersOtherCase))).JsonAsync()).GetProperty("access_token").GetString()).Subject);

        // A database from before: the migration cleared the case-folded hashes, the start-up step takes them again.
        await f.Database.ExecuteAsync($"UPDATE accounts SET we_chat_open_id_hash = NULL WHERE id IN ('{owner.AccountId}', '{other.AccountId}')");
        await using (var scope = f.Service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var seeder = scope.ServiceProvider.GetServices<ISeeder<IdentityDbContext>>().Single(s => s.GetType().Name == "CaseSensitiveWeChatHashes");
            await seeder.SeedAsync(db, CancellationToken.None);
        }
        Assert.Equal(owner.AccountId.ToString(),
            new JsonWebToken((await (await WeChatGrantAsync(f.Gateway.IssueTicket(openId))).JsonAsync()).GetProperty("access_token").GetString()).Subject);
        Assert.Equal(other.AccountId.ToString(),
            new JsonWebToken((await (await WeChatGrantAsync(f.Gateway.IssueTicket(sameLettersOtherCase))).JsonAsync()).GetProperty("access_token").GetString()).Subject);
    }

    [Fact]
    public async Task An_openid_binds_one_account()
    {
        var first = await f.RegisterAsync();
        var second = await f.RegisterAsync();
        var openId = FakeWeChatGateway.NewOpenId();
        await BindAsync(f.Client(first.AccessToken), openId);

        var secondBrowser = f.Client(second.AccessToken);
        var intent = (await (await secondBrowser.PostAsync(Intents, null)).JsonAsync()).GetProperty("intent").GetString();
        var taken = await secondBrowser.PostAsJsonAsync(Pending, new { ticket = f.Gateway.IssueTicket(openId, intent) });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("wechat_already_bound", (await taken.JsonAsync()).GetProperty("code").GetString());

        var signedIn = await WeChatGrantAsync(f.Gateway.IssueTicket(openId));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(first.AccountId.ToString(), new JsonWebToken((await signedIn.JsonAsync()).GetProperty("access_token").GetString()).Subject);
    }

    [Fact]
    public async Task An_intent_is_single_use_and_expires()
    {
        var session = await f.RegisterAsync();
        var browser = f.Client(session.AccessToken);
        var intent = (await (await browser.PostAsync(Intents, null)).JsonAsync()).GetProperty("intent").GetString();
        Assert.Equal(HttpStatusCode.OK,
            (await browser.PostAsJsonAsync(Pending, new { ticket = f.Gateway.IssueTicket(FakeWeChatGateway.NewOpenId(), intent) })).StatusCode);
        var again = await browser.PostAsJsonAsync(Pending, new { ticket = f.Gateway.IssueTicket(FakeWeChatGateway.NewOpenId(), intent) });
        Assert.Equal("wechat_bind_expired", (await again.JsonAsync()).GetProperty("code").GetString());

        var late = (await (await browser.PostAsync(Intents, null)).JsonAsync()).GetProperty("intent").GetString();
        f.Clock.Advance(TimeSpan.FromMinutes(11));
        try
        {
            var expired = await browser.PostAsJsonAsync(Pending, new { ticket = f.Gateway.IssueTicket(FakeWeChatGateway.NewOpenId(), late) });
            Assert.Equal("wechat_bind_expired", (await expired.JsonAsync()).GetProperty("code").GetString());
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
        Assert.False(await WeChatBoundAsync(browser));
    }

    [Fact]
    public async Task Unbinding_stops_wechat_sign_in_and_is_announced()
    {
        var session = await f.RegisterAsync();
        var openId = FakeWeChatGateway.NewOpenId();
        var me = f.Client(session.AccessToken);
        await BindAsync(me, openId);
        Assert.Equal(HttpStatusCode.NoContent, (await me.DeleteAsync("/api/identity/me/wechat")).StatusCode);
        Assert.False(await WeChatBoundAsync(me));
        Assert.Equal("wechat_bind_required", (await (await WeChatGrantAsync(f.Gateway.IssueTicket(openId))).JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(1, await f.Database.ScalarAsync(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%WeChatAccountUnboundIntegrationEvent%' AND payload->>'accountId' = '{session.AccountId}'"));
    }

    [Fact]
    public async Task Closing_the_account_erases_its_wechat_binding()
    {
        var session = await f.RegisterAsync();
        var openId = FakeWeChatGateway.NewOpenId();
        var me = f.Client(session.AccessToken);
        await BindAsync(me, openId);
        var close = new HttpRequestMessage(HttpMethod.Delete, "/api/identity/me") { Content = JsonContent.Create(new { password = session.Password }) };
        Assert.Equal(HttpStatusCode.Accepted, (await me.SendAsync(close)).StatusCode);
        Assert.Equal("wechat_bind_required", (await (await WeChatGrantAsync(f.Gateway.IssueTicket(openId))).JsonAsync()).GetProperty("code").GetString());
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

    private string Code(string secret, int stepOffset) =>
        Totp.Compute(Base32.Decode(secret), Totp.StepAt(f.Clock.GetUtcNow()) + stepOffset);
}
