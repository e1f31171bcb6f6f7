using System.Net;
using System.Net.Http.Json;
using Identity.Tests.Support;

namespace Identity.Tests;

public sealed class RegistrationTests(IdentityFixture f) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task A_new_patient_registers_with_an_sms_code_and_gets_tokens()
    {
        var session = await f.RegisterAsync();

        var me = await (await f.Client(session.AccessToken).GetAsync("/api/identity/me")).JsonAsync();
        Assert.Equal(session.Username, me.GetProperty("username").GetString());
        Assert.Equal(session.Phone[..3] + "****" + session.Phone[^4..], me.GetProperty("phoneMasked").GetString());
        var agreements = await (await f.Client(session.AccessToken).GetAsync("/api/identity/me/agreements")).JsonAsync();
        Assert.Equal(2, agreements.GetProperty("accepted").GetArrayLength());
        Assert.Equal("booking", agreements.GetProperty("pending")[0].GetProperty("kind").GetString());
        Assert.Equal(1, await f.Database.ScalarAsync(
            $"SELECT count(*) FROM agreement_consents WHERE account_id = '{session.AccountId}' AND kind = 'privacy' AND channel = 'h5' AND ip_address <> ''"));
    }

    [Fact]
    public async Task Registration_without_the_current_agreements_is_refused()
    {
        var phone = IdentityApi.NewPhone();
        var client = f.Client();
        var code = await f.CodeSentByAsync(phone, () => client.RequestCodeAsync(phone));
        var response = await client.PostAsJsonAsync("/api/identity/accounts",
            IdentityApi.Registration(phone, code, "noagree_" + Random.Shared.Next(10000), "Secret#2026", withAgreements: false));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("agreement_required", (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(0, await f.Database.ScalarAsync("SELECT count(*) FROM accounts WHERE username LIKE 'noagree_%'"));
    }

    [Fact]
    public async Task A_code_expires_after_five_minutes()
    {
        var phone = IdentityApi.NewPhone();
        var client = f.Client();
        var code = await f.CodeSentByAsync(phone, () => client.RequestCodeAsync(phone));
        f.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        try
        {
            var response = await client.PostAsJsonAsync("/api/identity/accounts", IdentityApi.Registration(phone, code, "late_" + Random.Shared.Next(100000), "Secret#2026"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("registration_failed", (await response.JsonAsync()).GetProperty("code").GetString());
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var phone = IdentityApi.NewPhone();
        var client = f.Client();
        var code = await f.CodeSentByAsync(phone, () => client.RequestCodeAsync(phone));
        var first = await client.PostAsJsonAsync("/api/identity/accounts", IdentityApi.Registration(phone, code, "once_" + Random.Shared.Next(100000), "Secret#2026"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await client.PostAsJsonAsync("/api/identity/accounts", IdentityApi.Registration(phone, code, "twice_" + Random.Shared.Next(100000), "Secret#2026"));
        Assert.Equal("registration_failed", (await second.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Five_wrong_codes_burn_the_code()
    {
        var phone = IdentityApi.NewPhone();
        var client = f.Client();
        var code = await f.CodeSentByAsync(phone, () => client.RequestCodeAsync(phone));
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            var attempt = await client.PostAsJsonAsync("/api/identity/accounts", IdentityApi.Registration(phone, wrong, "burn_" + i + Random.Shared.Next(10000), "Secret#2026"));
            Assert.Equal("registration_failed", (await attempt.JsonAsync()).GetProperty("code").GetString());
        }
        var right = await client.PostAsJsonAsync("/api/identity/accounts", IdentityApi.Registration(phone, code, "burnt_" + Random.Shared.Next(100000), "Secret#2026"));
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Equal("registration_failed", (await right.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_taken_phone_is_told_only_to_whoever_holds_a_valid_code_for_it()
    {
        var existing = await f.RegisterAsync();
        var client = f.Client();
        var guessed = await client.PostAsJsonAsync("/api/identity/accounts", IdentityApi.Registration(existing.Phone, "123456", "dup_" + Random.Shared.Next(100000), "Secret#2026"));
        Assert.Equal("registration_failed", (await guessed.JsonAsync()).GetProperty("code").GetString());
        f.Clock.Advance(TimeSpan.FromMinutes(2)); // past the resend interval for that number
        try
        {
            var code = await f.CodeSentByAsync(existing.Phone, () => client.RequestCodeAsync(existing.Phone));
            var taken = await client.PostAsJsonAsync("/api/identity/accounts", IdentityApi.Registration(existing.Phone, code, "dup_" + Random.Shared.Next(100000), "Secret#2026"));
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
            Assert.Equal("phone_registered", (await taken.JsonAsync()).GetProperty("code").GetString());
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Theory]
    [InlineData("1234", "Secret#2026", "username")]
    [InlineData("12345678", "Secret#2026", "username")]
    [InlineData("bad name!", "Secret#2026", "username")]
    [InlineData("okname", "short1A", "password")]
    [InlineData("okname", "alllowercase1", "password")]
    [InlineData("okname", "Xokname#2026", "password")]
    public async Task Weak_usernames_and_passwords_are_field_errors_in_chinese(string username, string password, string field)
    {
        var response = await f.Client().PostAsJsonAsync("/api/identity/accounts",
            IdentityApi.Registration(IdentityApi.NewPhone(), "123456", username, password));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }
}
