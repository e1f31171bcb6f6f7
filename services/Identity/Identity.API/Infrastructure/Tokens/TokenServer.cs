using System.Security.Cryptography;
using System.Text;
using Identity.API.Application;
using Identity.API.Application.Login;
using Identity.API.Application.Tokens;
using Identity.API.Application.WeChat;
using Identity.API.Infrastructure.Keys;
using Microsoft.AspNetCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using Platform.Security.Encryption;
using Platform.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Identity.API.Infrastructure.Tokens;

/// <summary>OpenIddict's server issues every token (our handler at the token endpoint decides who may sign in), and its
/// validation handler authenticates the requests Identity itself serves.</summary>
public static class TokenServer
{
    public const string TokenPath = "api/identity/connect/token";
    public const string RevocationPath = "api/identity/connect/revoke";
    public const string DiscoveryPath = "api/identity/.well-known/openid-configuration";
    public const string JwksPath = "api/identity/.well-known/jwks.json";

    public static void AddTokenServer(this IServiceCollection services, IConfiguration config)
    {
        var identity = config.GetSection("Identity").Get<IdentityServiceOptions>() ?? new IdentityServiceOptions();
        var auth = config.GetSection("Auth").Get<PlatformAuthOptions>() ?? new PlatformAuthOptions();

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(o =>
            {
                o.SetIssuer(new Uri(auth.Issuer, UriKind.Absolute));
                o.SetTokenEndpointUris(TokenPath)
                    .SetRevocationEndpointUris(RevocationPath)
                    .SetConfigurationEndpointUris(DiscoveryPath)
                    .SetJsonWebKeySetEndpointUris(JwksPath);
                o.AllowPasswordFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow().AllowCustomFlow(WeChatSignIn.GrantType);
                o.AllowCustomFlow(SmsSignIn.GrantType);
                o.AllowCustomFlow(Application.Handover.HandoverSignIn.GrantType);
                o.RegisterScopes([Scopes.OfflineAccess, .. InternalScopes.All]);
                o.RegisterAudiences(TokenPrincipals.Audience);
                o.SetAccessTokenLifetime(identity.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(identity.RefreshTokenLifetime)
                    // A refresh token works once: presenting it again revokes everything issued from the same sign-in.
                    .SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                // The services read the claims: access tokens are signed (RS256), not encrypted.
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    // TLS ends at nginx; the services talk plain HTTP on loopback or the cluster network.
                    .DisableTransportSecurityRequirement();
                o.AddEventHandler(InProcessTokens.StopBeforeResponse.Descriptor);
                o.AddEventHandler(ChineseTokenErrors.Descriptor);
                o.AddEventHandler(ChineseRevocationErrors.Descriptor);
                o.AddEventHandler(RevokeWholeSignIn.Descriptor);
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                o.AddAudiences(TokenPrincipals.Audience);
            });

        // Our key ring signs: OpenIddict's options are rebuilt from it whenever it changes.
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, SigningKeysFromRing>();
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>, RingChanges<OpenIddictServerOptions>>();
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictValidationOptions>, RingChanges<OpenIddictValidationOptions>>();

        // Identity's own endpoints accept its tokens through OpenIddict's validation handler instead of JwtBearer.
        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(o =>
        {
            o.DefaultScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            o.DefaultAuthenticateScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            o.DefaultForbidScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
        });

        services.AddScoped<InProcessTokens>();
        services.AddScoped<TokenPrincipals>();
    }

    /// <summary>Every key of the ring, the current signing key first (OpenIddict signs with the first). Refresh tokens
    /// are encrypted (OpenIddict always encrypts them) with AES keys derived from the field-encryption keys, so every
    /// replica reads them and they outlive restarts; the active version encrypts, older ones still decrypt.</summary>
    private sealed class SigningKeysFromRing(SigningKeyRing ring, IConfiguration config) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            var fieldKeys = config.GetSection("Security:FieldEncryption").Get<FieldEncryptionOptions>() ?? new FieldEncryptionOptions();
            var keys = ring.EnsureLoaded();
            var current = ring.Current();
            foreach (var key in keys.OrderByDescending(k => k.Kid == current.Kid))
                options.SigningCredentials.Add(new SigningCredentials(key.Key, SecurityAlgorithms.RsaSha256));
            foreach (var (version, encoded) in fieldKeys.Keys.OrderByDescending(k => k.Key == fieldKeys.ActiveVersion))
            {
                var derived = HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(encoded), 32,
                    info: Encoding.UTF8.GetBytes("identity-token-encryption"));
                options.EncryptionCredentials.Add(new EncryptingCredentials(
                    new SymmetricSecurityKey(derived) { KeyId = "fe-" + version }, SecurityAlgorithms.Aes256KW,
                    SecurityAlgorithms.Aes256CbcHmacSha512));
            }
        }
    }

    private sealed class RingChanges<TOptions>(SigningKeyRing ring) : IOptionsChangeTokenSource<TOptions>
    {
        public string Name => Options.DefaultName;
        public Microsoft.Extensions.Primitives.IChangeToken GetChangeToken() => ring.Changed();
    }

    /// <summary>OpenIddict's own refusals at the token endpoint in the problem bodies the apps read.</summary>
    private sealed class ChineseTokenErrors : IOpenIddictServerHandler<ApplyTokenResponseContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor
            .CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<ChineseTokenErrors>()
            .SetOrder(int.MinValue + 50_000)
            .Build();

        public async ValueTask HandleAsync(ApplyTokenResponseContext context)
        {
            if (string.IsNullOrEmpty(context.Error) || context.Transaction.GetHttpRequest() is not { } request) return;
            await WriteAsync(request.HttpContext, TokenError.FromOAuth(context.Error));
            context.HandleRequest();
        }
    }

    private sealed class ChineseRevocationErrors : IOpenIddictServerHandler<ApplyRevocationResponseContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor
            .CreateBuilder<ApplyRevocationResponseContext>()
            .UseSingletonHandler<ChineseRevocationErrors>()
            .SetOrder(int.MinValue + 50_000)
            .Build();

        public async ValueTask HandleAsync(ApplyRevocationResponseContext context)
        {
            if (string.IsNullOrEmpty(context.Error) || context.Transaction.GetHttpRequest() is not { } request) return;
            await WriteAsync(request.HttpContext, TokenError.FromOAuth(context.Error));
            context.HandleRequest();
        }
    }

    private static Task WriteAsync(HttpContext http, TokenError error)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Apis.TokenApi.Problem(error).ExecuteAsync(http);
    }

    /// <summary>Revoking a refresh token ends the whole sign-in it descends from (its authorization and every token of it).</summary>
    private sealed class RevokeWholeSignIn(IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
        : IOpenIddictServerHandler<HandleRevocationRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor
            .CreateBuilder<HandleRevocationRequestContext>()
            .UseScopedHandler<RevokeWholeSignIn>()
            .SetOrder(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor.Order + 1_000)
            .Build();

        public async ValueTask HandleAsync(HandleRevocationRequestContext context)
        {
            if (context.GenericTokenPrincipal?.GetAuthorizationId() is not { Length: > 0 } id) return;
            if (await authorizations.FindByIdAsync(id, context.CancellationToken) is { } authorization)
                await authorizations.TryRevokeAsync(authorization, context.CancellationToken);
            await tokens.RevokeByAuthorizationIdAsync(id, context.CancellationToken);
        }
    }
}
