using System.Security.Claims;
using System.Text.Json.Nodes;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.API.Application.Tokens;

/// <summary>The identities OpenIddict signs in: an account (with the patients it may act for right now) or an
/// integration client. Every claim the services read goes into the access token only.</summary>
public sealed class TokenPrincipals(IdentityDbContext db)
{
    /// <summary>The audience every service validates.</summary>
    public const string Audience = "platform";

    public async Task<ClaimsPrincipal> ForAccountAsync(Account account, IEnumerable<string> amr, CancellationToken ct)
    {
        var patientIds = await db.Patients.Where(p => p.AccountId == account.Id).OrderBy(p => p.CreatedAt)
            .Select(p => p.Id).ToListAsync(ct);
        var identity = NewIdentity(account.Id.ToString(), account.Role, account.DisplayName);
        identity.SetClaims(Claims.AuthenticationMethodReference, new JsonArray([.. amr.Select(a => JsonValue.Create(a))]));
        if (patientIds.Count > 0)
            identity.SetClaims(PlatformClaims.PatientIds, new JsonArray([.. patientIds.Select(p => JsonValue.Create(p.ToString()))]));
        if (account.IsClinician && account.PractitionerHisId is { } practitionerId)
            identity.SetClaim(PlatformClaims.PractitionerId, practitionerId);
        var principal = Finish(identity);
        // A refresh token comes with every account sign-in.
        principal.SetScopes(Scopes.OfflineAccess);
        return principal;
    }

    public static ClaimsPrincipal ForClient(string clientId, string? name)
    {
        var identity = NewIdentity(clientId, PlatformRoles.Integration, string.IsNullOrEmpty(name) ? clientId : name);
        identity.SetClaims(Claims.AuthenticationMethodReference, new JsonArray(JsonValue.Create("client")));
        return Finish(identity);
    }

    /// <summary>The authentication methods a refreshed token keeps from the first sign-in.</summary>
    public static IEnumerable<string> Amr(ClaimsPrincipal principal) => principal.GetClaims(Claims.AuthenticationMethodReference);

    private static ClaimsIdentity NewIdentity(string subject, string role, string name)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, PlatformClaims.Name, PlatformClaims.Role);
        identity.SetClaim(Claims.Subject, subject).SetClaim(PlatformClaims.Role, role).SetClaim(PlatformClaims.Name, name);
        return identity;
    }

    private static ClaimsPrincipal Finish(ClaimsIdentity identity)
    {
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        var principal = new ClaimsPrincipal(identity);
        principal.SetAudiences(Audience);
        return principal;
    }
}
