using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Identity.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Testing;

namespace Identity.Tests;

/// <summary>The phone from the mini-program's phone button, and the one-time ticket that hands a session to the H5 app in
/// the mini-program's web-view.</summary>
public sealed class MiniProgramAccountTests(WeChatIdentityFixture f) : IClassFixture<WeChatIdentityFixture>
{
    private const string PhoneFromWeChat = "/api/identity/me/phone/wechat";
    private const string Handover = "/api/identity/me/handover";

    private Task<long> CountAsync(string sql) => f.Database.ScalarAsync(sql);

    private Task<HttpResponseMessage> RedeemAsync(string ticket, string clientId = "patient") =>
        f.TokenAsync(("grant_type", "handover_ticket"), ("ticket", ticket), ("client_id", clientId));

    private async Task<string> HandoverTicketAsync(string accessToken)
    {
        var issued = await f.Client(accessToken).PostAsync(Handover, null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = await issued.JsonAsync();
        Assert.Equal(60, body.GetProperty("expiresIn").GetInt32());
        return body.GetProperty("ticket").GetString()!;
    }

    [Fact]
    public async Task The_phone_granted_in_the_mini_program_replaces_the_accounts_phone_masked_and_encrypted()
    {
        var session = await f.RegisterAsync();
        var phone = IdentityApi.NewPhone();
        var me = f.Client(session.AccessToken);

        var set = await me.PostAsJsonAsync(PhoneFromWeChat, new { code = f.Gateway.GrantPhone(phone) });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var body = await set.JsonAsync();
        Assert.Equal(phone[..3] + "****" + phone[^4..], body.GetProperty("phone").GetString());
        Assert.True(body.GetProperty("changed").GetBoolean());
        Assert.DoesNotContain(phone, body.GetRawText());
        Assert.Equal(phone[..3] + "****" + phone[^4..], (await (await me.GetAsync("/api/identity/me")).JsonAsync()).GetProperty("phoneMasked").GetString());
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM accounts WHERE phone_encrypted LIKE '%{phone}%' OR phone_hash = '{phone}'"));
        Assert.Contains(f.Logs.Lines, l => l.Contains(session.AccountId.ToString()) && l.Contains("through WeChat"));
        Assert.DoesNotContain(f.Logs.Lines, l => l.Contains(phone));

        // The number now signs in by SMS; the old one no longer names this account.
        var client = f.Client();
        var code = await f.CodeSentByAsync(phone, () => client.RequestCodeAsync(phone, "login"));
        var bySms = await f.TokenAsync(("grant_type", "sms_code"), ("phone", phone), ("sms_code", code), ("client_id", "patient"));
        Assert.Equal(HttpStatusCode.OK, bySms.StatusCode);
        Assert.Equal(session.AccountId.ToString(), new JsonWebToken((await bySms.JsonAsync()).GetProperty("access_token").GetString()).Subject);

        var again = await (await me.PostAsJsonAsync(PhoneFromWeChat, new { code = f.Gateway.GrantPhone(phone) })).JsonAsync();
        Assert.False(again.GetProperty("changed").GetBoolean());
    }

    [Fact]
    public async Task A_phone_of_another_account_is_refused_and_nothing_changes()
    {
        var owner = await f.RegisterAsync();
        var other = await f.RegisterAsync();
        var taken = await f.Client(other.AccessToken).PostAsJsonAsync(PhoneFromWeChat, new { code = f.Gateway.GrantPhone(owner.Phone) });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var problem = await taken.JsonAsync();
        Assert.Equal("phone_taken", problem.GetProperty("code").GetString());
        Assert.Contains("其他账号", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(owner.Phone, problem.GetRawText());
        var shown = (await (await f.Client(other.AccessToken).GetAsync("/api/identity/me")).JsonAsync()).GetProperty("phoneMasked").GetString();
        Assert.Equal(other.Phone[..3] + "****" + other.Phone[^4..], shown);
    }

    [Fact]
    public async Task A_grant_the_gateway_did_not_verify_or_a_spent_code_changes_nothing()
    {
        var session = await f.RegisterAsync();
        var me = f.Client(session.AccessToken);
        var unverified = await me.PostAsJsonAsync(PhoneFromWeChat, new { code = f.Gateway.RefusedPhoneGrant() });
        Assert.Equal(HttpStatusCode.BadRequest, unverified.StatusCode);
        Assert.Equal("phone_unverified", (await unverified.JsonAsync()).GetProperty("code").GetString());

        var code = f.Gateway.GrantPhone(IdentityApi.NewPhone());
        Assert.Equal(HttpStatusCode.OK, (await me.PostAsJsonAsync(PhoneFromWeChat, new { code })).StatusCode);
        var spent = await me.PostAsJsonAsync(PhoneFromWeChat, new { code });
        Assert.Equal(HttpStatusCode.BadRequest, spent.StatusCode);
        Assert.Equal("phone_code_invalid", (await spent.JsonAsync()).GetProperty("code").GetString());

        var foreignNumber = await me.PostAsJsonAsync(PhoneFromWeChat, new { code = f.Gateway.GrantPhone("5551234567", "1") });
        Assert.Equal("phone_unsupported", (await foreignNumber.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await me.PostAsJsonAsync(PhoneFromWeChat, new { code = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Client().PostAsJsonAsync(PhoneFromWeChat, new { code = f.Gateway.GrantPhone(IdentityApi.NewPhone()) })).StatusCode);
    }

    private static object WeChatRegistration(string phoneCode, string username) => new
    {
        weChatPhoneCode = phoneCode, username, password = "Secret#2026",
        acceptedAgreements = new[] { new { kind = "registration", version = "2026.1" }, new { kind = "privacy", version = "2026.1" } },
    };

    [Fact]
    public async Task Sign_up_in_the_mini_program_takes_the_phone_from_wechat_instead_of_an_sms_code()
    {
        var phone = IdentityApi.NewPhone();
        var username = "w" + Guid.NewGuid().ToString("N")[..10];
        var created = await f.Client().PostAsJsonAsync("/api/identity/accounts", WeChatRegistration(f.Gateway.GrantPhone(phone), username));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var access = (await created.JsonAsync()).GetProperty("tokens").GetProperty("access_token").GetString()!;
        var me = await (await f.Client(access).GetAsync("/api/identity/me")).JsonAsync();
        Assert.Equal(phone[..3] + "****" + phone[^4..], me.GetProperty("phoneMasked").GetString());
        Assert.Empty(await f.SmsMessagesAsync(phone));

        var again = await f.Client().PostAsJsonAsync("/api/identity/accounts", WeChatRegistration(f.Gateway.GrantPhone(phone), "x" + username[1..]));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("phone_registered", (await again.JsonAsync()).GetProperty("code").GetString());

        var refusedName = "y" + username[1..];
        var refused = await f.Client().PostAsJsonAsync("/api/identity/accounts", WeChatRegistration(f.Gateway.RefusedPhoneGrant(), refusedName));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("phone_unverified", (await refused.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM accounts WHERE username = '{refusedName}'"));
    }

    [Fact]
    public async Task A_handover_ticket_signs_the_h5_in_as_the_same_account_once()
    {
        var session = await f.RegisterAsync();
        var ticket = await HandoverTicketAsync(session.AccessToken);
        Assert.Equal("invalid_client", (await (await RedeemAsync(ticket, "doctor")).JsonAsync()).GetProperty("code").GetString());

        var redeemed = await RedeemAsync(ticket);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        var tokens = await redeemed.JsonAsync();
        var access = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        Assert.Equal(session.AccountId.ToString(), access.Subject);
        Assert.Equal(["pwd", "handover"], access.GetPayloadValue<string[]>("amr"));
        Assert.True(tokens.TryGetProperty("refresh_token", out _));

        var again = await RedeemAsync(ticket);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("handover_ticket_invalid", (await again.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal("handover_ticket_invalid", (await (await RedeemAsync("forged")).JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM handover_tickets WHERE ticket_hash = '{ticket}'"));
        Assert.Contains(f.Logs.Lines, l => l.Contains("Handover ticket redeemed") && l.Contains(session.AccountId.ToString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Client().PostAsync(Handover, null)).StatusCode);
    }

    [Fact]
    public async Task A_handover_ticket_expires_after_a_minute()
    {
        var session = await f.RegisterAsync();
        var ticket = await HandoverTicketAsync(session.AccessToken);
        f.Clock.Advance(TimeSpan.FromSeconds(61));
        try
        {
            Assert.Equal("handover_ticket_invalid", (await (await RedeemAsync(ticket)).JsonAsync()).GetProperty("code").GetString());
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_handed_over_wechat_session_ends_when_wechat_is_unbound()
    {
        var session = await f.RegisterAsync();
        var openId = FakeWeChatGateway.NewOpenId();
        var unionId = FakeWeChatGateway.NewUnionId();
        var browser = f.Client(session.AccessToken);
        var intent = (await (await browser.PostAsync("/api/identity/me/wechat/intents", null)).JsonAsync()).GetProperty("intent").GetString();
        await browser.PostAsJsonAsync("/api/identity/me/wechat/pending", new { ticket = f.Gateway.IssueMiniProgramTicket(openId, unionId, intent) });
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/identity/me/wechat", null)).StatusCode);
        var miniSession = await (await f.TokenAsync(("grant_type", "wechat_ticket"), ("ticket", f.Gateway.IssueMiniProgramTicket(openId, unionId)),
            ("client_id", "patient"))).JsonAsync();

        var h5 = await (await RedeemAsync(await HandoverTicketAsync(miniSession.GetProperty("access_token").GetString()!))).JsonAsync();
        Assert.Equal(["wechat", "handover"], new JsonWebToken(h5.GetProperty("access_token").GetString()).GetPayloadValue<string[]>("amr"));

        Assert.Equal(HttpStatusCode.NoContent, (await browser.DeleteAsync("/api/identity/me/wechat")).StatusCode);
        var refused = await f.TokenAsync(("grant_type", "refresh_token"), ("refresh_token", h5.GetProperty("refresh_token").GetString()!),
            ("client_id", "patient"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
