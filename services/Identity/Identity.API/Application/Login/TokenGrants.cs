using System.Security.Claims;
using Identity.API.Application.Tokens;
using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.ServiceDefaults.Auth;

namespace Identity.API.Application.Login;

/// <summary>Who may sign in at <c>/connect/token</c>. OpenIddict has already checked the request, the client and (for
/// refresh_token) the token; these checks are ours: password with lockout and second factor, the portal's roles, a
/// closed account.</summary>
public sealed class TokenGrants(IdentityDbContext db, CredentialChecker credentials, SecondFactor secondFactor, LoginThrottler throttler,
    TokenPrincipals principals, IOpenIddictApplicationManager applications)
{
    private static readonly Dictionary<string, string[]> PortalRoles = new(StringComparer.Ordinal)
    {
        ["patient"] = [PlatformRoles.Patient],
        ["doctor"] = [PlatformRoles.Doctor, PlatformRoles.Pharmacist],
        ["admin"] = [PlatformRoles.Staff],
    };

    /// <summary>The public clients: the three web apps (and the mini-program, which signs in as <c>patient</c>).</summary>
    public static IReadOnlyCollection<string> Portals => PortalRoles.Keys;

    public async Task<(ClaimsPrincipal? Principal, TokenError? Error)> PasswordAsync(OpenIddictRequest request, string sourceIp,
        CancellationToken ct)
    {
        var clientId = request.ClientId ?? "";
        if (!PortalRoles.TryGetValue(clientId, out var roles)) return (null, TokenError.InvalidClient);
        var check = await credentials.CheckAsync(request.Username, request.Password, sourceIp, ct);
        if (check.Account is not { } account) return (null, check.Refusal);
        if (!roles.Contains(account.Role)) return (null, TokenError.WrongPortal);

        var methods = account.SecondFactors();
        var needsSecondFactor = methods.Count > 0 || clientId != "patient";
        var amr = new List<string> { "pwd" };
        if (needsSecondFactor)
        {
            var otp = (string?)request["otp"];
            if (string.IsNullOrEmpty(otp)) return (null, TokenError.MfaRequired(methods));
            var method = (string?)request["otp_method"] is { Length: > 0 } m ? m : "totp";
            if (!await secondFactor.VerifyAsync(account, method, otp, ct))
            {
                var verdict = await throttler.RecordFailureAsync(check.Keys, ct);
                return (null, verdict.State == ThrottleState.Locked ? TokenError.Locked : TokenError.InvalidOtp);
            }
            amr.Add("otp");
        }
        await throttler.ResetAsync(check.Keys, ct);
        return (await principals.ForAccountAsync(account, amr, ct), null);
    }

    /// <summary>OpenIddict has validated the refresh token (signature, expiry, single use, client binding); the account
    /// must still be open, and the new access token lists its patients as they are now.</summary>
    public async Task<(ClaimsPrincipal? Principal, TokenError? Error)> RefreshAsync(HttpContext http, CancellationToken ct)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal?.GetClaim(OpenIddictConstants.Claims.Subject) is not { } subject || !Guid.TryParse(subject, out var accountId))
            return (null, TokenError.InvalidGrant);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId && a.ClosedAt == null, ct);
        if (account is null) return (null, TokenError.InvalidGrant);
        return (await principals.ForAccountAsync(account, TokenPrincipals.Amr(result.Principal), ct), null);
    }

    /// <summary>OpenIddict has authenticated the integration client by its secret.</summary>
    public async Task<(ClaimsPrincipal? Principal, TokenError? Error)> ClientCredentialsAsync(OpenIddictRequest request, CancellationToken ct)
    {
        if (request.ClientId is not { } clientId || await applications.FindByClientIdAsync(clientId, ct) is not { } application)
            return (null, TokenError.InvalidClient);
        var principal = TokenPrincipals.ForClient(clientId, await applications.GetDisplayNameAsync(application, ct));
        // OpenIddict has refused any scope the client holds no permission for.
        principal.SetScopes(request.GetScopes());
        return (principal, null);
    }
}
