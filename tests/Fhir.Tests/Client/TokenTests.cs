using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Fhir.Authentication;
using Platform.Fhir.Client;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace Fhir.Tests.Client;

public class TokenTests
{
    private sealed class AuthServer
    {
        public int TokensIssued;
        public List<string> Problems { get; } = [];
        public List<string> Scopes { get; } = [];
        public Func<HttpContext, Task<string?>> CheckClient { get; init; } = _ => Task.FromResult<string?>(null);
        public int RejectFirstFhirCalls;

        public void Map(WebApplication app)
        {
            app.MapPost("/auth/token", async (HttpContext context) =>
            {
                var form = await context.Request.ReadFormAsync();
                var problem = form["grant_type"] != "client_credentials" ? "grant_type" : await CheckClient(context);
                if (problem is not null)
                {
                    Problems.Add(problem);
                    return Results.Json(new { error = "invalid_client", error_description = problem }, statusCode: 401);
                }
                Scopes.Add(form["scope"].ToString());
                var token = $"tok-{Interlocked.Increment(ref TokensIssued)}";
                return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = 300, scope = form["scope"].ToString() });
            });
            app.MapGet("/fhir/Patient/{id}", async (HttpContext context, string id) =>
            {
                var current = $"Bearer tok-{Volatile.Read(ref TokensIssued)}";
                if (context.Request.Headers.Authorization != current || Interlocked.Decrement(ref RejectFirstFhirCalls) >= 0)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }
                await FakeFhirServer.Write(context, new Patient { Id = id });
            });
        }
    }

    private static ServiceProvider ServicesWithTokens(FakeFhirServer server, SmartBackendOptions smart, TimeProvider time) =>
        ClientFactory.Services(server, o => o.Authentication = smart, time);

    [Fact]
    public async Task A_client_secret_token_is_fetched_once_and_reused_until_near_expiry()
    {
        var auth = new AuthServer
        {
            CheckClient = context => Task.FromResult(
                context.Request.Headers.Authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("platform%2Bhis:s3cret%3A%E5%AF%86"))
                    ? null
                    : $"bad basic credentials {context.Request.Headers.Authorization}"),
        };
        await using var server = await FakeFhirServer.StartAsync((app, _) => auth.Map(app));
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var smart = new SmartBackendOptions { TokenEndpoint = new Uri(server.Root, "auth/token"), ClientId = "platform+his", ClientSecret = "s3cret:密" };
        await using var services = ServicesWithTokens(server, smart, clock);
        var client = services.GetRequiredService<FhirClient>();

        for (var i = 0; i < 3; i++) await client.ReadAsync<Patient>("Patient/p1");
        var tokensBeforeExpiry = auth.TokensIssued;
        clock.Advance(TimeSpan.FromSeconds(241));
        await client.ReadAsync<Patient>("Patient/p1");

        Assert.Empty(auth.Problems);
        Assert.Equal(1, tokensBeforeExpiry);
        Assert.Equal(2, auth.TokensIssued);
        Assert.All(server.RequestsTo("/fhir/"), r => Assert.StartsWith("Bearer tok-", r.Header("Authorization")));
        Assert.All(auth.Scopes, scope => Assert.Equal("system/*.read system/*.write", scope));
    }

    [Fact]
    public async Task A_signed_jwt_assertion_is_sent_and_verifiable_with_the_public_key()
    {
        using var key = RSA.Create(2048);
        var publicKey = new RsaSecurityKey(key.ExportParameters(includePrivateParameters: false)) { KeyId = "platform-key-1" };
        Uri? tokenEndpoint = null;
        var auth = new AuthServer
        {
            CheckClient = async context =>
            {
                var form = await context.Request.ReadFormAsync();
                if (form["client_assertion_type"] != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") return "assertion type";
                if (context.Request.Headers.Authorization.Count > 0) return "basic auth sent with an assertion";
                var result = await new JsonWebTokenHandler().ValidateTokenAsync(form["client_assertion"].ToString(), new TokenValidationParameters
                {
                    ValidIssuer = "platform",
                    ValidAudience = tokenEndpoint!.AbsoluteUri,
                    IssuerSigningKey = publicKey,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha384],
                });
                if (!result.IsValid) return $"assertion invalid: {result.Exception?.Message}";
                var jwt = (JsonWebToken)result.SecurityToken;
                if (jwt.Kid != "platform-key-1" || jwt.Subject != "platform" || string.IsNullOrEmpty(jwt.Id)) return "assertion claims";
                return null;
            },
        };
        await using var server = await FakeFhirServer.StartAsync((app, _) => auth.Map(app));
        tokenEndpoint = new Uri(server.Root, "auth/token");
        var smart = new SmartBackendOptions
        {
            TokenEndpoint = tokenEndpoint,
            ClientId = "platform",
            PrivateKeyPem = key.ExportPkcs8PrivateKeyPem(),
            KeyId = "platform-key-1",
        };
        await using var services = ServicesWithTokens(server, smart, TimeProvider.System);
        var client = services.GetRequiredService<FhirClient>();

        await client.ReadAsync<Patient>("Patient/p1");
        await client.ReadAsync<Patient>("Patient/p2");

        Assert.Empty(auth.Problems);
        Assert.Equal(1, auth.TokensIssued);
    }

    [Fact]
    public async Task A_rejected_token_is_replaced_once()
    {
        var auth = new AuthServer { RejectFirstFhirCalls = 1 };
        await using var server = await FakeFhirServer.StartAsync((app, _) => auth.Map(app));
        var smart = new SmartBackendOptions { TokenEndpoint = new Uri(server.Root, "auth/token"), ClientId = "c", ClientSecret = "s" };
        await using var services = ServicesWithTokens(server, smart, TimeProvider.System);
        var client = services.GetRequiredService<FhirClient>();

        var patient = await client.ReadAsync<Patient>("Patient/p1");

        Assert.NotNull(patient);
        Assert.Equal("p1", patient.Id);
        Assert.Equal(2, auth.TokensIssued);
    }

    [Fact]
    public async Task A_refused_client_gets_an_authentication_error()
    {
        var auth = new AuthServer { CheckClient = _ => Task.FromResult<string?>("unknown client") };
        await using var server = await FakeFhirServer.StartAsync((app, _) => auth.Map(app));
        var smart = new SmartBackendOptions { TokenEndpoint = new Uri(server.Root, "auth/token"), ClientId = "c", ClientSecret = "wrong" };
        await using var services = ServicesWithTokens(server, smart, TimeProvider.System);
        var client = services.GetRequiredService<FhirClient>();

        var error = await Assert.ThrowsAsync<FhirAuthenticationException>(() => client.ReadAsync<Patient>("Patient/p1"));

        Assert.Contains("unknown client", error.Message);
        Assert.Empty(server.RequestsTo("/fhir/"));
    }

    [Fact]
    public void Options_need_exactly_one_kind_of_client_credential()
    {
        var both = new SmartBackendOptions { TokenEndpoint = new Uri("https://auth.example/token"), ClientId = "c", ClientSecret = "s", PrivateKeyPem = "x" };
        var neither = new SmartBackendOptions { TokenEndpoint = new Uri("https://auth.example/token"), ClientId = "c" };

        Assert.Throws<InvalidOperationException>(() => new SmartBackendTokenProvider(new HttpClient(), both));
        Assert.Throws<InvalidOperationException>(() => new SmartBackendTokenProvider(new HttpClient(), neither));
    }
}
