using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Hospital.API.Infrastructure;
using Identity.API.Infrastructure.Keys;
using Identity.Tests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Security.Otp;
using Platform.Testing;

namespace Identity.Tests;

public sealed class TokenTests(IdentityFixture f) : IClassFixture<IdentityFixture>
{
    private Task<HttpResponseMessage> RefreshAsync(string token, string clientId = "patient") =>
        f.TokenAsync(("grant_type", "refresh_token"), ("refresh_token", token), ("client_id", clientId));

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_reused_one_revokes_the_family()
    {
        var session = await f.RegisterAsync();
        var refreshed = await RefreshAsync(session.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var first = await refreshed.JsonAsync();
        var second = first.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(session.RefreshToken, second);
        var access = new JsonWebToken(first.GetProperty("access_token").GetString());
        Assert.Equal(session.AccountId.ToString(), access.Subject);
        Assert.Equal("pwd", access.GetPayloadValue<string[]>("amr").Single());

        // No leeway: the spent token presented again at once is a replay.
        var reuse = await RefreshAsync(session.RefreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
        var problem = await reuse.JsonAsync();
        Assert.True(problem.GetProperty("code").GetString() == "invalid_grant", problem.ToString());
        Assert.Equal("登录已失效", problem.GetProperty("title").GetString());
        // The legitimate successor died with its family.
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(second)).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_works_only_for_the_client_it_was_issued_to()
    {
        var session = await f.RegisterAsync();
        var elsewhere = await RefreshAsync(session.RefreshToken, "doctor");
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal("invalid_grant", (await elsewhere.JsonAsync()).GetProperty("code").GetString());
        var anonymous = await f.TokenAsync(("grant_type", "refresh_token"), ("refresh_token", session.RefreshToken));
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.True((await anonymous.JsonAsync()).TryGetProperty("code", out _));
    }

    [Fact]
    public async Task Revoking_ends_the_family()
    {
        var session = await f.RegisterAsync();
        var second = (await (await RefreshAsync(session.RefreshToken)).JsonAsync()).GetProperty("refresh_token").GetString()!;
        var revoke = await f.Client().PostAsync("/api/identity/connect/revoke",
            new FormUrlEncodedContent([new("token", second), new("client_id", "patient")]));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(second)).StatusCode);
    }

    [Fact]
    public async Task Client_credentials_sign_in_configured_integration_clients_only()
    {
        var ok = await f.TokenAsync(("grant_type", "client_credentials"), ("client_id", IdentityFixture.IntegrationClientId),
            ("client_secret", IdentityFixture.IntegrationClientSecret));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.JsonAsync();
        Assert.False(body.TryGetProperty("refresh_token", out _));
        var jwt = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal(IdentityFixture.IntegrationClientId, jwt.Subject);
        Assert.Equal("测试集成客户端", jwt.GetClaim("name").Value);

        // A portal is a public client: it has no secret and cannot use client_credentials.
        var portal = await f.TokenAsync(("grant_type", "client_credentials"), ("client_id", "patient"));
        Assert.NotEqual(HttpStatusCode.OK, portal.StatusCode);
        // An integration client cannot sign users in with a password.
        var password = await f.TokenAsync(("grant_type", "password"), ("username", "demo"), ("password", "Demo@2026"),
            ("client_id", IdentityFixture.IntegrationClientId), ("client_secret", IdentityFixture.IntegrationClientSecret));
        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Equal("unauthorized_client", (await password.JsonAsync()).GetProperty("code").GetString());
        // OpenIddict keeps only a hash of the secret.
        Assert.Equal(0, await f.Database.ScalarAsync(
            $"SELECT count(*) FROM openiddict_applications WHERE client_secret LIKE '%{IdentityFixture.IntegrationClientSecret}%'"));
    }

    [Fact]
    public async Task Discovery_and_jwks_describe_the_token_server()
    {
        var discovery = await (await f.Client().GetAsync("/api/identity/.well-known/openid-configuration")).JsonAsync();
        Assert.Equal("urn:platform:identity", discovery.GetProperty("issuer").GetString());
        Assert.EndsWith("/api/identity/connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.EndsWith("/api/identity/connect/revoke", discovery.GetProperty("revocation_endpoint").GetString());
        Assert.EndsWith("/api/identity/.well-known/jwks.json", discovery.GetProperty("jwks_uri").GetString());
        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "password", "refresh_token", "client_credentials", "wechat_ticket" }, grants.ToHashSet());

        var token = new JsonWebToken((await f.RegisterAsync()).AccessToken);
        Assert.Equal("RS256", token.Alg);
        var jwks = await (await f.Client().GetAsync("/api/identity/.well-known/jwks.json")).JsonAsync();
        var keys = jwks.GetProperty("keys").EnumerateArray().ToList();
        Assert.Contains(keys, k => k.GetProperty("kid").GetString() == token.Kid && k.GetProperty("kty").GetString() == "RSA");
        Assert.All(keys, k => Assert.False(k.TryGetProperty("d", out _)));
    }

    [Fact]
    public async Task Another_service_accepts_genuine_tokens_and_rejects_tampered_ones()
    {
        await using var database = await TestDatabase.CreateAsync("hospital");
        await using var vhost = await TestVirtualHost.CreateAsync("hospital");
        await using var hospital = new HospitalWithIdentity(f, database, vhost.AmqpUri);
        var departments = await hospital.CreateClient().GetStringAsync("/api/hospital/departments");
        var id = System.Text.Json.JsonDocument.Parse(departments).RootElement[0].GetProperty("id").GetGuid();

        async Task<HttpStatusCode> Put(string token)
        {
            var client = hospital.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            // An empty name is a validation error: 400 proves the token passed authentication and authorisation.
            return (await client.PutAsync($"/api/hospital/departments/{id}", new StringContent("""{"name":""}""", Encoding.UTF8, "application/json"))).StatusCode;
        }

        var staff = await (await f.PasswordLoginAsync("admin", "Admin@2026", "admin",
            Totp.Compute(Base32.Decode("JBSWY3DPEHPK3PXP"), Totp.StepAt(f.Clock.GetUtcNow())), "totp")).JsonAsync();
        var genuine = staff.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, await Put(genuine));

        var patient = (await f.RegisterAsync()).AccessToken;
        Assert.Equal(HttpStatusCode.Forbidden, await Put(patient));

        var parts = patient.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"role\":\"patient\"", "\"role\":\"staff\"");
        Assert.Equal(HttpStatusCode.Unauthorized, await Put($"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}"));

        var none = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, await Put($"{none}.{Base64UrlEncoder.Encode(payload)}."));

        var kid = new JsonWebToken(genuine).Kid;
        using var attackerKey = RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(payload, new SigningCredentials(new RsaSecurityKey(attackerKey) { KeyId = kid }, SecurityAlgorithms.RsaSha256));
        Assert.Equal(HttpStatusCode.Unauthorized, await Put(forged));

        Assert.Equal(HttpStatusCode.Unauthorized, await Put(TestTokens.For("staff")));
    }

    [Fact]
    public async Task Keys_rotate_with_the_next_key_published_before_use_and_the_old_one_kept()
    {
        var ring = f.Service.Services.GetRequiredService<SigningKeyRing>();
        var before = ring.Current().Kid;
        var discovery = await (await f.Client().GetAsync("/api/identity/.well-known/openid-configuration")).JsonAsync();
        Assert.EndsWith("/api/identity/.well-known/jwks.json", discovery.GetProperty("jwks_uri").GetString());
        try
        {
            f.Clock.Advance(TimeSpan.FromDays(29)); // inside the publish-ahead window of the 30-day key
            await ring.RefreshAsync(CancellationToken.None);
            var jwks = await (await f.Client().GetAsync("/api/identity/.well-known/jwks.json")).JsonAsync();
            var kids = jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
            Assert.Equal(2, kids.Count);
            Assert.Equal(before, ring.Current().Kid);

            f.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(2)); // just past the first key's signing period
            await ring.RefreshAsync(CancellationToken.None);
            var after = ring.Current().Kid;
            Assert.NotEqual(before, after);
            Assert.Contains(after, kids);
            // Tokens it signed a minute ago are still valid, so its public key stays published.
            Assert.Contains(before, ring.Published.Select(k => k.Kid));
        }
        finally
        {
            f.Clock.Offset = TimeSpan.Zero;
            await ring.RefreshAsync(CancellationToken.None);
        }
    }

    /// <summary>The Hospital service configured with the Identity test server as its authority; its metadata requests
    /// are routed to the in-memory Identity server.</summary>
    private sealed class HospitalWithIdentity(IdentityFixture identity, TestDatabase database, string amqp)
        : ServiceFactory<HospitalDbContext>(new Dictionary<string, string>
        {
            ["ConnectionStrings:hospitaldb"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = amqp,
            ["Auth:Authority"] = "http://localhost/api/identity",
            ["Hospital:SeedDemoDepartments"] = "true",
        })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
                o => o.BackchannelHttpHandler = identity.Service.Server.CreateHandler()));
        }
    }
}
