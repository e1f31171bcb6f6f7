using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Fhir.Authentication;

/// <summary>The SMART backend-services client assertion: a short-lived JWT signed with the client's RSA key.</summary>
public static class ClientAssertion
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static string Create(SmartBackendOptions options, RSA privateKey, DateTimeOffset now)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var key = new RsaSecurityKey(privateKey) { KeyId = options.KeyId };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.ClientId,
            Audience = options.TokenEndpoint!.AbsoluteUri,
            Subject = new ClaimsIdentity([
                new Claim(JwtRegisteredClaimNames.Sub, options.ClientId),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            IssuedAt = now.UtcDateTime,
            Expires = now.Add(options.AssertionLifetime).UtcDateTime,
            TokenType = "JWT",
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha384),
        });
    }
}
