using System.Net;
using System.Net.Http.Json;
using Identity.Tests.Support;

namespace Identity.Tests;

public sealed class AccountTests(IdentityFixture f) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task Public_agreements_and_guide_are_in_chinese()
    {
        foreach (var kind in new[] { "registration", "privacy", "booking" })
        {
            var a = await (await f.Client().GetAsync($"/api/identity/agreements/{kind}/current")).JsonAsync();
            Assert.Equal("2026.1", a.GetProperty("version").GetString());
            Assert.True(a.GetProperty("body").GetString()!.Split("\n\n").Length >= 5);
        }
        Assert.Contains("个人信息保护法", (await (await f.Client().GetAsync("/api/identity/agreements/privacy/current")).JsonAsync()).GetProperty("body").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await f.Client().GetAsync("/api/identity/agreements/unknown/current")).StatusCode);
        var guide = await (await f.Client().GetAsync("/api/identity/guides/registration")).JsonAsync();
        Assert.True(guide.GetProperty("steps").GetArrayLength() >= 4);
        Assert.True(guide.GetProperty("materials").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task Accepting_an_agreement_records_the_channel_and_refuses_old_versions()
    {
        var session = await f.RegisterAsync();
        var client = f.Client(session.AccessToken);
        client.DefaultRequestHeaders.Add("X-Client-Channel", "miniprogram");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/identity/me/agreements", new { kind = "booking", version = "2020.1" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/identity/me/agreements", new { kind = "booking", version = "2026.1" })).StatusCode);
        var state = await (await client.GetAsync("/api/identity/me/agreements")).JsonAsync();
        Assert.Equal(0, state.GetProperty("pending").GetArrayLength());
        Assert.Contains(state.GetProperty("accepted").EnumerateArray(), c => c.GetProperty("channel").GetString() == "miniprogram");
    }

    [Fact]
    public async Task The_demo_patient_is_seeded_verified_and_masked()
    {
        var tokens = await (await f.PasswordLoginAsync("demo", "Demo@2026")).JsonAsync();
        var patients = await (await f.Client(tokens.GetProperty("access_token").GetString()).GetAsync("/api/identity/me/patients")).JsonAsync();
        var self = patients[0];
        Assert.Equal("张三", self.GetProperty("name").GetString());
        Assert.True(self.GetProperty("isSelf").GetBoolean());
        Assert.Equal("1101************33", self.GetProperty("idNumberMasked").GetString());
    }

    [Fact]
    public async Task Closing_an_account_erases_identifiers_and_explains_what_is_kept()
    {
        var session = await f.RegisterAsync();
        var client = f.Client(session.AccessToken);
        var export = await client.GetAsync("/api/identity/me/export");
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType ?? export.Headers.GetValues("Content-Disposition").First().Split(';')[0]);

        var wrong = new HttpRequestMessage(HttpMethod.Delete, "/api/identity/me") { Content = JsonContent.Create(new { password = "Wrong#Pass1" }) };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(wrong)).StatusCode);
        var close = new HttpRequestMessage(HttpMethod.Delete, "/api/identity/me") { Content = JsonContent.Create(new { password = session.Password }) };
        var closed = await client.SendAsync(close);
        Assert.Equal(HttpStatusCode.Accepted, closed.StatusCode);
        Assert.Contains((await closed.JsonAsync()).GetProperty("retained").EnumerateArray(), r => r.GetString()!.Contains("30年"));

        Assert.Equal(0, await f.Database.ScalarAsync($"SELECT count(*) FROM accounts WHERE id = '{session.AccountId}' AND (phone_hash IS NOT NULL OR phone_encrypted IS NOT NULL)"));
        Assert.Equal(1, await f.Database.ScalarAsync($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%AccountClosedIntegrationEvent%' AND payload->>'accountId' = '{session.AccountId}'"));
        Assert.Equal("invalid_credentials", (await (await f.PasswordLoginAsync(session.Username, session.Password)).JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await f.TokenAsync(("grant_type", "refresh_token"), ("refresh_token", session.RefreshToken), ("client_id", "patient"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/identity/me")).StatusCode);
    }
}
