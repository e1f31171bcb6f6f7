using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Auth;

namespace Platform.Testing;

/// <summary>Tokens signed with the development key that services trust while no Identity authority is configured.</summary>
public static class TestTokens
{
    /// <param name="claims">More claims, e.g. the patients an account acts for (<c>pid</c>, one claim per patient) or a
    /// clinician's <c>practitioner_id</c>.</param>
    public static string For(string role, string? subject = null, string? name = null, TimeSpan? lifetime = null,
        string? signingKey = null, IEnumerable<Claim>? claims = null, string? practitionerId = null)
    {
        var options = new PlatformAuthOptions();
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey ?? options.DevSigningKey));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(15)),
            Subject = new ClaimsIdentity(
            [
                new Claim(PlatformClaims.Subject, subject ?? Guid.NewGuid().ToString()),
                new Claim(PlatformClaims.Role, role),
                new Claim(PlatformClaims.Name, name ?? role),
                .. practitionerId is null ? Array.Empty<Claim>() : [new Claim(PlatformClaims.PractitionerId, practitionerId)],
                .. claims ?? [],
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
