using Identity.API.Infrastructure.Keys;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Auth;

namespace Identity.API.Extensions;

/// <summary>The issuer validates its own tokens straight from its key ring instead of fetching its own JWKS over HTTP,
/// and accepts RS256 only (no "none", no HMAC with the public key).</summary>
internal sealed class LocalTokenValidation(SigningKeyRing keys, PlatformAuthOptions auth) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme) return;
        options.Authority = null;
        options.MetadataAddress = null!;
        options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(
            new OpenIdConnectConfiguration { Issuer = auth.Issuer });
        var parameters = options.TokenValidationParameters;
        parameters.IssuerSigningKey = null;
        parameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
        parameters.IssuerSigningKeyResolver = (_, _, kid, _) =>
            keys.Published.Where(k => kid is null || k.Kid == kid).Select(k => (SecurityKey)k.PublicKey).ToList();
    }
}
