using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Identity.Tests.Support;
using MassTransit;
using Platform.Contracts.Identity;
using Platform.Messaging;
using Platform.Testing;

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
    [Trait("Rubric", "R10")]
    public async Task Accepting_the_booking_agreement_publishes_one_event_with_account_kind_and_version()
    {
        var received = new ConcurrentQueue<AgreementAcceptedIntegrationEvent>();
        var address = BrokerAddress.Parse(f.VirtualHost.AmqpUri);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
            {
                h.Username(address.Username);
                h.Password(address.Password);
            });
            cfg.ReceiveEndpoint("agreement-capture-" + Guid.NewGuid().ToString("N"), e =>
            {
                e.AutoDelete = true;
                e.Handler<AgreementAcceptedIntegrationEvent>(c =>
                {
                    received.Enqueue(c.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync();
        try
        {
            var session = await f.RegisterAsync();
            var client = f.Client(session.AccessToken);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/identity/me/agreements", new { kind = "booking", version = "2020.1" })).StatusCode);
            // A second tap on 同意 (or a retried request) is the same acceptance, not news.
            for (var i = 0; i < 2; i++)
                Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/identity/me/agreements", new { kind = "booking", version = "2026.1" })).StatusCode);

            var events = $"FROM outbox_messages WHERE message_type LIKE '%AgreementAcceptedIntegrationEvent%' AND payload->>'accountId' = '{session.AccountId}'";
            // Registration accepted the registration agreement and the privacy policy: one event each, then one for booking.
            await Eventually.Until(() => f.Database.ScalarAsync($"SELECT count(*) {events} AND sent_at IS NOT NULL"), n => n == 3,
                TimeSpan.FromSeconds(20), "agreement events dispatched");
            Assert.Equal(1, await f.Database.ScalarAsync($"SELECT count(*) {events} AND payload->>'kind' = 'booking'"));
            Assert.Equal(1, await f.Database.ScalarAsync(
                $"SELECT count(*) FROM agreement_consents WHERE account_id = '{session.AccountId}' AND kind = 'booking'"));

            var mine = await Eventually.Until(() => Task.FromResult(received.Where(e => e.AccountId == session.AccountId).ToList()),
                l => l.Count == 3, TimeSpan.FromSeconds(20), "agreement events received from the broker");
            var booking = Assert.Single(mine, e => e.Kind == "booking");
            Assert.Equal("2026.1", booking.Version);
            Assert.Equal(["privacy", "registration"], mine.Where(e => e.Kind != "booking").Select(e => e.Kind).Order());
        }
        finally
        {
            await bus.StopAsync();
        }
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
