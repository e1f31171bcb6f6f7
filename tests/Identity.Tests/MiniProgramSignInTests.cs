using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Identity.API.Application;
using Identity.API.Infrastructure;
using Identity.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Security.Otp;
using Platform.Testing;

namespace Identity.Tests;

/// <summary>grant_type=wechat_ticket with the mini-program's tickets: one person is one account across the service account
/// (H5) and the mini-program, found by the unionid; the second factor, binding by the owner and unbinding work as for H5.</summary>
public sealed class MiniProgramSignInTests(WeChatIdentityFixture f) : IClassFixture<WeChatIdentityFixture>
{
    private const string Intents = "/api/identity/me/wechat/intents";
    private const string Pending = "/api/identity/me/wechat/pending";
    private const string Confirm = "/api/identity/me/wechat";

    private Task<HttpResponseMessage> GrantAsync(string ticket) =>
        f.TokenAsync(("grant_type", "wechat_ticket"), ("ticket", ticket), ("client_id", "patient"));

    private static string Subject(JsonElement tokens) => new JsonWebToken(tokens.GetProperty("access_token").GetString()).Subject;

    /// <summary>The owner binds through the H5 flow (intent, WeChat round trip, preview, confirm) with WeChat's unionid.</summary>
    private async Task BindThroughH5Async(HttpClient browser, string openId, string? unionId)
    {
        var intent = (await (await browser.PostAsync(Intents, null)).JsonAsync()).GetProperty("intent").GetString();
        Assert.Equal(HttpStatusCode.OK,
            (await browser.PostAsJsonAsync(Pending, new { ticket = f.Gateway.IssueTicket(openId, intent, unionId: unionId) })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync(Confirm, null)).StatusCode);
    }

    private Task<long> CountAsync(string sql) => f.Database.ScalarAsync(sql);

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_mini_program_sign_in_finds_the_account_bound_through_the_h5_by_unionid()
    {
        var session = await f.RegisterAsync();
        var h5OpenId = FakeWeChatGateway.NewOpenId();
        var miniOpenId = FakeWeChatGateway.NewOpenId();
        var unionId = FakeWeChatGateway.NewUnionId();
        await BindThroughH5Async(f.Client(session.AccessToken), h5OpenId, unionId);

        var signedIn = await GrantAsync(f.Gateway.IssueMiniProgramTicket(miniOpenId, unionId));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var tokens = await signedIn.JsonAsync();
        Assert.Equal(session.AccountId.ToString(), Subject(tokens));
        Assert.Equal("wechat", new JsonWebToken(tokens.GetProperty("access_token").GetString()).GetPayloadValue<string[]>("amr").Single());

        // The mini-program openid is now the account's too (hashed, encrypted, announced by its opaque id only).
        Assert.Equal(1, await CountAsync(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MiniProgramAccountBoundIntegrationEvent%' AND payload->>'accountId' = '{session.AccountId}' AND payload->>'weChatUserId' = '{TestKeys.WeChatUserIds.For(miniOpenId)}' AND payload::text NOT LIKE '%{miniOpenId}%'"));
        Assert.Equal(0, await CountAsync(
            $"SELECT count(*) FROM accounts WHERE miniprogram_open_id_encrypted LIKE '%{miniOpenId}%' OR wechat_union_id_hash = '{unionId}' OR miniprogram_open_id_hash = '{miniOpenId}'"));
        // Same person, other openid of the mini-program without a unionid: still the same account by that openid.
        Assert.Equal(session.AccountId.ToString(), Subject(await (await GrantAsync(f.Gateway.IssueMiniProgramTicket(miniOpenId, null))).JsonAsync()));
        // A stranger's mini-program user with another unionid is not let in.
        var stranger = await GrantAsync(f.Gateway.IssueMiniProgramTicket(FakeWeChatGateway.NewOpenId(), FakeWeChatGateway.NewUnionId()));
        Assert.Equal("wechat_bind_required", (await stranger.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_h5_binding_made_before_unionids_were_kept_learns_it_at_the_next_h5_sign_in()
    {
        var session = await f.RegisterAsync();
        var h5OpenId = FakeWeChatGateway.NewOpenId();
        var unionId = FakeWeChatGateway.NewUnionId();
        await BindThroughH5Async(f.Client(session.AccessToken), h5OpenId, unionId: null);
        var miniTicket = f.Gateway.IssueMiniProgramTicket(FakeWeChatGateway.NewOpenId(), unionId);
        Assert.Equal("wechat_bind_required", (await (await GrantAsync(miniTicket)).JsonAsync()).GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.OK, (await GrantAsync(f.Gateway.IssueTicket(h5OpenId, unionId: unionId))).StatusCode);
        var fromMini = await GrantAsync(f.Gateway.IssueMiniProgramTicket(FakeWeChatGateway.NewOpenId(), unionId));
        Assert.Equal(HttpStatusCode.OK, fromMini.StatusCode);
        Assert.Equal(session.AccountId.ToString(), Subject(await fromMini.JsonAsync()));
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task The_account_second_factor_is_asked_for_a_mini_program_sign_in_too()
    {
        var session = await f.RegisterAsync();
        var me = f.Client(session.AccessToken);
        var secret = (await (await me.PostAsync("/api/identity/me/mfa/totp", null)).JsonAsync()).GetProperty("secret").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent,
            (await me.PostAsJsonAsync("/api/identity/me/mfa/totp/confirm", new { code = Code(secret, 0) })).StatusCode);
        var unionId = FakeWeChatGateway.NewUnionId();
        await BindThroughH5Async(me, FakeWeChatGateway.NewOpenId(), unionId);

        var first = await GrantAsync(f.Gateway.IssueMiniProgramTicket(FakeWeChatGateway.NewOpenId(), unionId));
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var challenge = await first.JsonAsync();
        Assert.Equal("mfa_required", challenge.GetProperty("code").GetString());
        Assert.Equal("totp", challenge.GetProperty("methods")[0].GetString());
        Assert.False(challenge.TryGetProperty("access_token", out _));
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
        Assert.Equal("wxticket_invalid", (await (await Second(Code(secret, 2))).JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unbound_mini_program_user_must_bind_and_a_ticket_works_once()
    {
        var ticket = f.Gateway.IssueMiniProgramTicket(FakeWeChatGateway.NewOpenId(), FakeWeChatGateway.NewUnionId());
        var refused = await GrantAsync(ticket);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("wechat_bind_required", problem.GetProperty("code").GetString());
        Assert.Contains("绑定", problem.GetProperty("detail").GetString());
        Assert.Equal("wxticket_invalid", (await (await GrantAsync(ticket)).JsonAsync()).GetProperty("code").GetString());
        Assert.Equal("wxticket_invalid", (await (await GrantAsync("forged-ticket")).JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task Binding_from_the_mini_program_is_confirmed_by_the_owner_and_shows_the_app()
    {
        var session = await f.RegisterAsync();
        var miniProgram = f.Client(session.AccessToken); // keeps the browser-key cookie as the mini-program client does by hand
        var openId = FakeWeChatGateway.NewOpenId();
        var unionId = FakeWeChatGateway.NewUnionId();

        // Without the intent of this account the ticket binds nothing.
        var foreign = await miniProgram.PostAsJsonAsync(Pending, new { ticket = f.Gateway.IssueMiniProgramTicket(openId, unionId) });
        Assert.Equal("wechat_bind_foreign", (await foreign.JsonAsync()).GetProperty("code").GetString());

        var intent = (await (await miniProgram.PostAsync(Intents, null)).JsonAsync()).GetProperty("intent").GetString();
        var pending = await miniProgram.PostAsJsonAsync(Pending, new { ticket = f.Gateway.IssueMiniProgramTicket(openId, unionId, intent) });
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        var preview = await pending.JsonAsync();
        Assert.Equal("miniprogram", preview.GetProperty("app").GetString());
        Assert.Contains("****", preview.GetProperty("maskedOpenId").GetString());
        Assert.DoesNotContain(openId, preview.GetRawText());
        Assert.Equal("wechat_bind_required", (await (await GrantAsync(f.Gateway.IssueMiniProgramTicket(openId, unionId))).JsonAsync())
            .GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await miniProgram.PostAsync(Confirm, null)).StatusCode);
        Assert.True((await (await miniProgram.GetAsync("/api/identity/me")).JsonAsync()).GetProperty("wechatBound").GetBoolean());
        Assert.Equal(session.AccountId.ToString(), Subject(await (await GrantAsync(f.Gateway.IssueMiniProgramTicket(openId, unionId))).JsonAsync()));
        // The same person through the service account's H5 lands on this account as well.
        Assert.Equal(session.AccountId.ToString(),
            Subject(await (await GrantAsync(f.Gateway.IssueTicket(FakeWeChatGateway.NewOpenId(), unionId: unionId))).JsonAsync()));

        // Another account cannot bind the same person from either app.
        var other = f.Client((await f.RegisterAsync()).AccessToken);
        var otherIntent = (await (await other.PostAsync(Intents, null)).JsonAsync()).GetProperty("intent").GetString();
        var taken = await other.PostAsJsonAsync(Pending, new { ticket = f.Gateway.IssueTicket(FakeWeChatGateway.NewOpenId(), otherIntent, unionId: unionId) });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("wechat_already_bound", (await taken.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task Unbinding_revokes_the_sign_ins_of_both_apps()
    {
        var session = await f.RegisterAsync();
        var unionId = FakeWeChatGateway.NewUnionId();
        var h5OpenId = FakeWeChatGateway.NewOpenId();
        await BindThroughH5Async(f.Client(session.AccessToken), h5OpenId, unionId);
        var viaH5 = await (await GrantAsync(f.Gateway.IssueTicket(h5OpenId, unionId: unionId))).JsonAsync();
        var viaMini = await (await GrantAsync(f.Gateway.IssueMiniProgramTicket(FakeWeChatGateway.NewOpenId(), unionId))).JsonAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await f.Client(session.AccessToken).DeleteAsync(Confirm)).StatusCode);

        foreach (var tokens in new[] { viaH5, viaMini })
        {
            var refused = await f.TokenAsync(("grant_type", "refresh_token"),
                ("refresh_token", tokens.GetProperty("refresh_token").GetString()!), ("client_id", "patient"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        Assert.Equal("wechat_bind_required",
            (await (await GrantAsync(f.Gateway.IssueMiniProgramTicket(FakeWeChatGateway.NewOpenId(), unionId))).JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(0, await CountAsync(
            $"SELECT count(*) FROM accounts WHERE id = '{session.AccountId}' AND (we_chat_open_id_hash IS NOT NULL OR miniprogram_open_id_hash IS NOT NULL OR wechat_union_id_hash IS NOT NULL)"));
        var kept = await f.TokenAsync(("grant_type", "refresh_token"), ("refresh_token", session.RefreshToken), ("client_id", "patient"));
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    private string Code(string secret, int stepOffset) =>
        Totp.Compute(Base32.Decode(secret), Totp.StepAt(f.Clock.GetUtcNow()) + stepOffset);
}
