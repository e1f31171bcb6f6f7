using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Identity.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Security.Otp;

namespace Identity.Tests;

public sealed class LoginTests(IdentityFixture f) : IClassFixture<IdentityFixture>
{
    private static string Code(string base32, DateTimeOffset at, int stepOffset = 0) =>
        Totp.Compute(Base32.Decode(base32), Totp.StepAt(at) + stepOffset);

    [Fact]
    public async Task Password_login_by_username_or_phone_issues_rs256_tokens()
    {
        var session = await f.RegisterAsync();
        foreach (var login in new[] { session.Username, session.Phone })
        {
            var response = await f.PasswordLoginAsync(login, session.Password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.JsonAsync();
            Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
            var jwt = new JsonWebToken(body.GetProperty("access_token").GetString());
            Assert.Equal(TimeSpan.FromMinutes(15), jwt.ValidTo - jwt.IssuedAt);
            // OpenIddict counts expires_in down from the moment it writes the response, so a slow second shows 899.
            Assert.InRange(body.GetProperty("expires_in").GetInt32(), 895, 900);
            Assert.Equal("RS256", jwt.Alg);
            Assert.Equal(session.AccountId.ToString(), jwt.Subject);
            Assert.Equal("patient", jwt.GetClaim("role").Value);
            Assert.Equal("urn:platform:identity", jwt.Issuer);
            Assert.Contains("platform", jwt.Audiences);
        }
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_answer()
    {
        var session = await f.RegisterAsync();
        var wrong = await (await f.PasswordLoginAsync(session.Username, "Wrong#Pass1")).JsonAsync();
        var unknown = await (await f.PasswordLoginAsync("nobody_" + Random.Shared.Next(100000), "Wrong#Pass1")).JsonAsync();
        Assert.Equal("invalid_credentials", wrong.GetProperty("code").GetString());
        Assert.Equal("用户名或密码错误", wrong.GetProperty("title").GetString());
        foreach (var field in new[] { "code", "title", "detail", "status" })
            Assert.Equal(wrong.GetProperty(field).ToString(), unknown.GetProperty(field).ToString());
    }

    [Fact]
    public async Task Five_failures_from_a_source_lock_the_account_there_for_fifteen_minutes_even_with_the_right_password()
    {
        var session = await f.RegisterAsync();
        var source = IdentityApi.NewIp();
        for (var i = 0; i < 4; i++)
            Assert.Equal("invalid_credentials", (await (await f.PasswordLoginAsync(session.Username, "Wrong#Pass" + i, ip: source)).JsonAsync()).GetProperty("code").GetString());
        var fifth = await (await f.PasswordLoginAsync(session.Phone, "Wrong#Pass5", ip: source)).JsonAsync();
        Assert.Equal("locked", fifth.GetProperty("code").GetString());
        var right = await (await f.PasswordLoginAsync(session.Username, session.Password, ip: source)).JsonAsync();
        Assert.Equal("locked", right.GetProperty("code").GetString());
        Assert.Contains("15分钟后再试", right.GetProperty("detail").GetString());
        Assert.Contains("短信验证码登录", right.GetProperty("detail").GetString());

        f.Clock.Advance(TimeSpan.FromMinutes(16));
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await f.PasswordLoginAsync(session.Username, session.Password, ip: source)).StatusCode);
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Totp_enrolment_then_login_needs_the_code_and_each_code_works_once()
    {
        var session = await f.RegisterAsync();
        var client = f.Client(session.AccessToken);
        var setup = await (await client.PostAsync("/api/identity/me/mfa/totp", null)).JsonAsync();
        var secret = setup.GetProperty("secret").GetString()!;
        Assert.StartsWith("otpauth://totp/", setup.GetProperty("otpauthUri").GetString());
        Assert.StartsWith("data:image/png;base64,", setup.GetProperty("qrCodeDataUrl").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/identity/me/mfa/totp/confirm", new { code = "000000" == Code(secret, f.Clock.GetUtcNow()) ? "111111" : "000000" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/identity/me/mfa/totp/confirm", new { code = Code(secret, f.Clock.GetUtcNow()) })).StatusCode);

        var needed = await (await f.PasswordLoginAsync(session.Username, session.Password)).JsonAsync();
        Assert.Equal("mfa_required", needed.GetProperty("code").GetString());
        Assert.Equal("totp", needed.GetProperty("methods")[0].GetString());

        var next = Code(secret, f.Clock.GetUtcNow(), 1);
        var ok = await f.PasswordLoginAsync(session.Username, session.Password, otp: next, otpMethod: "totp");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var amr = new JsonWebToken((await ok.JsonAsync()).GetProperty("access_token").GetString()).GetPayloadValue<string[]>("amr");
        Assert.Equal(["pwd", "otp"], amr);
        var replay = await (await f.PasswordLoginAsync(session.Username, session.Password, otp: next, otpMethod: "totp")).JsonAsync();
        Assert.Equal("invalid_otp", replay.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Sms_second_factor_sends_a_login_code_to_the_accounts_phone()
    {
        var session = await f.RegisterAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await f.Client(session.AccessToken).PutAsJsonAsync("/api/identity/me/mfa/sms", new { enabled = true })).StatusCode);
        // A body that says nothing switches nothing off.
        Assert.Equal(HttpStatusCode.BadRequest, (await f.Client(session.AccessToken).PutAsJsonAsync("/api/identity/me/mfa/sms", new { })).StatusCode);
        var needed = await (await f.PasswordLoginAsync(session.Username, session.Password)).JsonAsync();
        Assert.Equal("sms", needed.GetProperty("methods")[0].GetString());

        Assert.Equal("invalid_credentials", (await (await f.Client().PostAsJsonAsync("/api/identity/mfa/sms",
            new { username = session.Username, password = "Wrong#Pass1" })).JsonAsync()).GetProperty("code").GetString());
        f.Clock.Advance(TimeSpan.FromMinutes(1.5)); // the registration code was sent to the same number a moment ago
        try
        {
            var code = await f.CodeSentByAsync(session.Phone, () => f.Client().PostAsJsonAsync("/api/identity/mfa/sms",
                new { username = session.Username, password = session.Password }));
            Assert.Contains("登录", (await f.SmsMessagesAsync(session.Phone))[0].GetProperty("content").GetString());
            var ok = await f.PasswordLoginAsync(session.Username, session.Password, otp: code, otpMethod: "sms");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Staff_portals_need_the_right_role_and_always_a_second_factor()
    {
        Assert.Equal("mfa_required", (await (await f.PasswordLoginAsync("admin", "Admin@2026", "admin")).JsonAsync()).GetProperty("code").GetString());
        var staff = await f.PasswordLoginAsync("admin", "Admin@2026", "admin", Code("JBSWY3DPEHPK3PXP", f.Clock.GetUtcNow()), "totp");
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal("staff", new JsonWebToken((await staff.JsonAsync()).GetProperty("access_token").GetString()).GetClaim("role").Value);
        Assert.Equal("unauthorized_client", (await (await f.PasswordLoginAsync("demo", "Demo@2026", "admin")).JsonAsync()).GetProperty("code").GetString());
        Assert.Equal("unauthorized_client", (await (await f.PasswordLoginAsync("doctor01", "Doctor@2026", "patient")).JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Integration_clients_use_client_credentials()
    {
        var client = f.Client();
        var form = new FormUrlEncodedContent([new("grant_type", "client_credentials")]);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{IdentityFixture.IntegrationClientId}:{IdentityFixture.IntegrationClientSecret}")));
        var ok = await (await client.PostAsync("/api/identity/connect/token", form)).JsonAsync();
        Assert.False(ok.TryGetProperty("refresh_token", out _));
        Assert.Equal("integration", new JsonWebToken(ok.GetProperty("access_token").GetString()).GetClaim("role").Value);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{IdentityFixture.IntegrationClientId}:wrong")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/identity/connect/token",
            new FormUrlEncodedContent([new("grant_type", "client_credentials")]))).StatusCode);
    }
}
