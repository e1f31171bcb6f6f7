using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Auth;

namespace Triage.Tests;

/// <summary>Development-key tokens with the claims Identity issues: <c>pid</c> (the patients an account acts for) and
/// <c>practitioner_id</c> (a doctor's HIS Practitioner).</summary>
public static class PreVisitTokens
{
    public static string For(string role, IEnumerable<Claim> extra, Guid? subject = null)
    {
        var options = new PlatformAuthOptions();
        var now = DateTime.UtcNow;
        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, (subject ?? Guid.NewGuid()).ToString()),
            new(PlatformClaims.Role, role),
            new(PlatformClaims.Name, role),
        };
        claims.AddRange(extra);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(15),
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.DevSigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    public static HttpClient Patient(this TriageFixture fixture, params Guid[] patientIds) =>
        fixture.With(For(PlatformRoles.Patient, patientIds.Select(p => new Claim(PlatformClaims.PatientIds, p.ToString()))));

    /// <summary>An account whose token names no patient: it acts only for those Identity announced.</summary>
    public static HttpClient Account(this TriageFixture fixture, Guid accountId) => fixture.With(For(PlatformRoles.Patient, [], accountId));

    public static HttpClient Doctor(this TriageFixture fixture, string? practitionerId) =>
        fixture.With(For(PlatformRoles.Doctor, practitionerId is null ? [] : [new Claim(PlatformClaims.PractitionerId, practitionerId)]));

    public static HttpClient Integration(this TriageFixture fixture) => fixture.With(For(PlatformRoles.Integration, []));

    private static HttpClient With(this TriageFixture fixture, string token)
    {
        var client = fixture.Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
