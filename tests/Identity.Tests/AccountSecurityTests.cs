using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Identity.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Security.Otp;

namespace Identity.Tests;

/// <summary>Issue 9's account-takeover items: lockout a stranger cannot use against the owner, SMS sign-in, registration
/// that tells nothing without a code, password change and reset, signing out other sessions.</summary>
public sealed class AccountSecurityTests(IdentityFixture f) : IClassFixture<IdentityFixture>
{
    private static string Code(JsonElement problem) => problem.GetProperty("code").GetString()!;

    private Task<HttpResponseMessage> RefreshAsync(string token) =>
        f.TokenAsync(("grant_type", "refresh_token"), ("refresh_token", token), ("client_id", "patient"));

    private Task<HttpResponseMessage> SmsLoginAsync(string phone, string code, params (string, string)[] more) =>
        f.TokenAsync([("grant_type", "sms_code"), ("phone", phone), ("sms_code", code), ("client_id", "patient"), .. more]);

    /// <summary>Runs <paramref name="body"/> with the clock past every resend interval the account's phone has used so far.</summary>
    private async Task LaterAsync(Func<Task> body, int minutes = 2)
    {
        f.Clock.Advance(TimeSpan.FromMinutes(minutes));
        try
        {
            await body();
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    private Task<string> LoginCodeAsync(string phone) =>
        f.CodeSentByAsync(phone, () => f.Client().RequestCodeAsync(phone, "login"));

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_strangers_failures_lock_only_their_source_and_the_owner_still_signs_in()
    {
        var owner = await f.RegisterAsync();
        var stranger = IdentityApi.NewIp();
        for (var i = 0; i < 5; i++)
            await f.PasswordLoginAsync(owner.Username, "Wrong#Guess" + i, ip: stranger);
        Assert.Equal("locked", Code(await (await f.PasswordLoginAsync(owner.Username, owner.Password, ip: stranger)).JsonAsync()));

        var ok = await f.PasswordLoginAsync(owner.Username, owner.Password, ip: IdentityApi.NewIp());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("locked", Code(await (await f.PasswordLoginAsync(owner.Phone, owner.Password, ip: stranger)).JsonAsync()));
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task A_source_failing_on_many_logins_waits_a_growing_delay()
    {
        var source = IdentityApi.NewIp();
        var owner = await f.RegisterAsync();
        using var frozen = f.Clock.Freeze();
        for (var i = 0; i < 10; i++)
            Assert.Equal("invalid_credentials", Code(await (await f.PasswordLoginAsync("spray_" + i + "_" + Random.Shared.Next(100000), "Wrong#Guess1", ip: source)).JsonAsync()));
        var refused = await f.PasswordLoginAsync(owner.Username, owner.Password, ip: source);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("too_many_attempts", Code(problem));
        Assert.Contains("1秒后再试", problem.GetProperty("detail").GetString());

        await LaterAsync(async () =>
        {
            Assert.Equal("invalid_credentials", Code(await (await f.PasswordLoginAsync(owner.Username, "Wrong#Guess2", ip: source)).JsonAsync()));
            Assert.Contains("2秒后再试", (await (await f.PasswordLoginAsync(owner.Username, owner.Password, ip: source)).JsonAsync()).GetProperty("detail").GetString());
        }, minutes: 1);
        // Another source is not slowed down.
        Assert.Equal(HttpStatusCode.OK, (await f.PasswordLoginAsync(owner.Username, owner.Password, ip: IdentityApi.NewIp())).StatusCode);
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task The_owner_signs_in_by_sms_code_while_strangers_have_locked_password_sign_in()
    {
        var owner = await f.RegisterAsync();
        // Guesses from many sources stop password sign-in for the account altogether…
        for (var i = 0; i < 30; i++) await f.PasswordLoginAsync(owner.Username, "Wrong#Guess" + i);
        Assert.Equal("locked", Code(await (await f.PasswordLoginAsync(owner.Username, owner.Password)).JsonAsync()));

        // …but not sign-in by SMS code.
        await LaterAsync(async () =>
        {
            Assert.Equal("invalid_sms_code", Code(await (await SmsLoginAsync(owner.Phone, "000000")).JsonAsync()));
            var code = await LoginCodeAsync(owner.Phone);
            var ok = await SmsLoginAsync(owner.Phone, code);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            var body = await ok.JsonAsync();
            var jwt = new JsonWebToken(body.GetProperty("access_token").GetString());
            Assert.Equal(owner.AccountId.ToString(), jwt.Subject);
            Assert.Equal(["sms"], jwt.GetPayloadValue<string[]>("amr"));
            Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(body.GetProperty("refresh_token").GetString()!)).StatusCode);
            // A code works once.
            Assert.Equal("invalid_sms_code", Code(await (await SmsLoginAsync(owner.Phone, code)).JsonAsync()));
        });
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task Sms_sign_in_honours_the_accounts_second_factor()
    {
        var owner = await f.RegisterAsync();
        var me = f.Client(owner.AccessToken);
        var secret = (await (await me.PostAsync("/api/identity/me/mfa/totp", null)).JsonAsync()).GetProperty("secret").GetString()!;
        var key = Base32.Decode(secret);
        Assert.Equal(HttpStatusCode.NoContent, (await me.PostAsJsonAsync("/api/identity/me/mfa/totp/confirm",
            new { code = Totp.Compute(key, Totp.StepAt(f.Clock.GetUtcNow())) })).StatusCode);

        await LaterAsync(async () =>
        {
            var code = await LoginCodeAsync(owner.Phone);
            var needed = await (await SmsLoginAsync(owner.Phone, code)).JsonAsync();
            Assert.Equal("mfa_required", Code(needed));
            Assert.Equal("totp", needed.GetProperty("methods")[0].GetString());
            Assert.Equal("invalid_otp", Code(await (await SmsLoginAsync(owner.Phone, code, ("otp", "000000"), ("otp_method", "totp"))).JsonAsync()));
            // Neither answer spent the code.
            var ok = await SmsLoginAsync(owner.Phone, code, ("otp", Totp.Compute(key, Totp.StepAt(f.Clock.GetUtcNow()) + 1)), ("otp_method", "totp"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal(["sms", "otp"], new JsonWebToken((await ok.JsonAsync()).GetProperty("access_token").GetString()).GetPayloadValue<string[]>("amr"));
        });

        // An account that asked for SMS on top of its password needs the password as well.
        var other = await f.RegisterAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await f.Client(other.AccessToken).PutAsJsonAsync("/api/identity/me/mfa/sms", new { enabled = true })).StatusCode);
        await LaterAsync(async () =>
        {
            var code = await LoginCodeAsync(other.Phone);
            var needed = await (await SmsLoginAsync(other.Phone, code)).JsonAsync();
            Assert.Equal("mfa_required", Code(needed));
            Assert.Equal("password", needed.GetProperty("methods")[0].GetString());
            var ok = await SmsLoginAsync(other.Phone, code, ("password", other.Password));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal(["sms", "pwd"], new JsonWebToken((await ok.JsonAsync()).GetProperty("access_token").GetString()).GetPayloadValue<string[]>("amr"));
        });

        // Staff portals and unknown numbers are refused like a wrong code or client.
        Assert.Equal("invalid_sms_code", Code(await (await SmsLoginAsync(IdentityApi.NewPhone(), "123456")).JsonAsync()));
        Assert.Equal("invalid_client", Code(await (await f.TokenAsync(("grant_type", "sms_code"), ("phone", owner.Phone), ("sms_code", "123456"),
            ("client_id", "admin"))).JsonAsync()));
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task Registration_tells_nothing_about_a_taken_name_without_a_valid_code()
    {
        var existing = await f.RegisterAsync();
        var client = f.Client();
        async Task<JsonElement> Attempt(string username) => await (await client.PostAsJsonAsync("/api/identity/accounts",
            IdentityApi.Registration(IdentityApi.NewPhone(), "123456", username, "Secret#2026"))).JsonAsync();
        var taken = await Attempt(existing.Username);
        var free = await Attempt("free_" + Random.Shared.Next(1_000_000));
        Assert.Equal("registration_failed", Code(taken));
        foreach (var field in new[] { "code", "title", "detail", "status" })
            Assert.Equal(free.GetProperty(field).ToString(), taken.GetProperty(field).ToString());
        Assert.False(taken.TryGetProperty("errors", out _));

        // With a valid code the name is said to be taken, and the code still works for another name.
        var phone = IdentityApi.NewPhone();
        var code = await f.CodeSentByAsync(phone, () => client.RequestCodeAsync(phone));
        var refused = await client.PostAsJsonAsync("/api/identity/accounts", IdentityApi.Registration(phone, code, existing.Username, "Secret#2026"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("已被使用", (await refused.JsonAsync()).GetProperty("errors").GetProperty("username")[0].GetString());
        var created = await client.PostAsJsonAsync("/api/identity/accounts",
            IdentityApi.Registration(phone, code, "next_" + Random.Shared.Next(1_000_000), "Secret#2026"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task Changing_the_password_revokes_every_refresh_token_and_keeps_this_device_signed_in()
    {
        var session = await f.RegisterAsync();
        var elsewhere = (await (await f.PasswordLoginAsync(session.Username, session.Password)).JsonAsync()).GetProperty("refresh_token").GetString()!;
        var me = f.Client(session.AccessToken);

        var wrong = await me.PostAsJsonAsync("/api/identity/me/password", new { oldPassword = "Wrong#Pass1", newPassword = "Changed#2027" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("invalid_credentials", Code(await wrong.JsonAsync()));
        var weak = await me.PostAsJsonAsync("/api/identity/me/password", new { oldPassword = session.Password, newPassword = "weak" });
        Assert.True((await weak.JsonAsync()).GetProperty("errors").TryGetProperty("newPassword", out _));

        var changed = await me.PostAsJsonAsync("/api/identity/me/password", new { oldPassword = session.Password, newPassword = "Changed#2027" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var fresh = (await changed.JsonAsync()).GetProperty("tokens");
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(session.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(elsewhere)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(fresh.GetProperty("refresh_token").GetString()!)).StatusCode);
        Assert.Equal("invalid_credentials", Code(await (await f.PasswordLoginAsync(session.Username, session.Password)).JsonAsync()));
        Assert.Equal(HttpStatusCode.OK, (await f.PasswordLoginAsync(session.Username, "Changed#2027")).StatusCode);
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task An_sms_verified_reset_sets_a_new_password_and_revokes_every_refresh_token()
    {
        var session = await f.RegisterAsync();
        var client = f.Client();
        async Task<HttpResponseMessage> Reset(string phone, string code, string password = "Reset#2027") =>
            await client.PostAsJsonAsync("/api/identity/password-reset", new { phone, smsCode = code, newPassword = password });

        var unknown = await (await Reset(IdentityApi.NewPhone(), "123456")).JsonAsync();
        var wrongCode = await (await Reset(session.Phone, "123456")).JsonAsync();
        Assert.Equal("reset_failed", Code(unknown));
        foreach (var field in new[] { "code", "title", "detail", "status" })
            Assert.Equal(unknown.GetProperty(field).ToString(), wrongCode.GetProperty(field).ToString());

        await LaterAsync(async () =>
        {
            var code = await f.CodeSentByAsync(session.Phone, () => client.RequestCodeAsync(session.Phone, "reset"));
            var refused = await Reset(session.Phone, code, "Xx" + session.Username + "#1");
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("newPassword", out _));
            Assert.Equal(HttpStatusCode.NoContent, (await Reset(session.Phone, code)).StatusCode);
            Assert.Equal("reset_failed", Code(await (await Reset(session.Phone, code, "Again#2028")).JsonAsync()));
        });
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(session.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await f.PasswordLoginAsync(session.Phone, "Reset#2027")).StatusCode);
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task Signing_out_other_sessions_keeps_only_this_one()
    {
        var session = await f.RegisterAsync();
        var other = (await (await f.PasswordLoginAsync(session.Username, session.Password)).JsonAsync()).GetProperty("refresh_token").GetString()!;
        var third = (await (await f.PasswordLoginAsync(session.Phone, session.Password)).JsonAsync()).GetProperty("refresh_token").GetString()!;

        var revoked = await f.Client(session.AccessToken).PostAsync("/api/identity/me/sessions/revoke-others", null);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(2, (await revoked.JsonAsync()).GetProperty("revoked").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(other)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(third)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(session.RefreshToken)).StatusCode);
    }
}
