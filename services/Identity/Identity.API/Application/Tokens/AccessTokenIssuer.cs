using Identity.API.Infrastructure.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Auth;

namespace Identity.API.Application.Tokens;

/// <summary>Signs RS256 access tokens with the ring's current key; the key id travels in the header so validators pick
/// the right key from the JWKS.</summary>
public sealed class AccessTokenIssuer(SigningKeyRing keys, PlatformAuthOptions auth, TimeProvider clock, IOptions<IdentityServiceOptions> options)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public int LifetimeSeconds => (int)options.Value.AccessTokenLifetime.TotalSeconds;

    public string Issue(TokenSubject subject)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = keys.Current();
        var claims = new Dictionary<string, object>
        {
            [PlatformClaims.Subject] = subject.Subject,
            [PlatformClaims.Role] = subject.Role,
            [PlatformClaims.Name] = subject.Name,
            ["amr"] = subject.Amr.ToArray(),
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        if (subject.PatientIds.Count > 0) claims[PlatformClaims.PatientIds] = subject.PatientIds.Select(p => p.ToString()).ToArray();
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.AccessTokenLifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key.PrivateKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
