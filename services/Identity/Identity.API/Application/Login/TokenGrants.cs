using System.Security.Cryptography;
using System.Text;
using Identity.API.Application.Tokens;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Auth;

namespace Identity.API.Application.Login;

/// <summary>The grants of <c>/connect/token</c>: password (+ second factor), refresh_token, client_credentials.</summary>
public sealed class TokenGrants(IdentityDbContext db, CredentialChecker credentials, SecondFactor secondFactor, LoginThrottler throttler,
    AccountTokens tokens, RefreshTokenService refresh, AccessTokenIssuer access, IOptions<IdentityServiceOptions> options)
{
    private static readonly Dictionary<string, string[]> PortalRoles = new(StringComparer.Ordinal)
    {
        ["patient"] = [PlatformRoles.Patient],
        ["doctor"] = [PlatformRoles.Doctor, PlatformRoles.Pharmacist],
        ["admin"] = [PlatformRoles.Staff],
    };

    public async Task<(TokenResponse? Tokens, TokenError? Error)> PasswordAsync(IFormCollection form, CancellationToken ct)
    {
        var clientId = form["client_id"].ToString();
        if (!PortalRoles.TryGetValue(clientId, out var roles)) return (null, TokenError.InvalidClient);
        var check = await credentials.CheckAsync(form["username"], form["password"], ct);
        if (check.Outcome == CredentialOutcome.Locked) return (null, TokenError.Locked);
        if (check.Account is not { } account) return (null, TokenError.InvalidCredentials);
        if (!roles.Contains(account.Role)) return (null, TokenError.WrongPortal);

        var methods = account.SecondFactors();
        var needsSecondFactor = methods.Count > 0 || clientId != "patient";
        var amr = new List<string> { "pwd" };
        if (needsSecondFactor)
        {
            var otp = form["otp"].ToString();
            if (string.IsNullOrEmpty(otp)) return (null, TokenError.MfaRequired(methods));
            var method = form["otp_method"].ToString() is { Length: > 0 } m ? m : "totp";
            if (!await secondFactor.VerifyAsync(account, method, otp, ct))
            {
                var locked = await throttler.RecordFailureAsync(check.ThrottleKey, ct);
                return (null, locked ? TokenError.Locked : TokenError.InvalidOtp);
            }
            amr.Add("otp");
        }
        await throttler.ResetAsync(check.ThrottleKey, ct);
        return (await tokens.IssueAsync(account, clientId, amr, ct), null);
    }

    public async Task<(TokenResponse? Tokens, TokenError? Error)> RefreshAsync(IFormCollection form, CancellationToken ct)
    {
        var presented = form["refresh_token"].ToString();
        if (presented.Length is 0 or > 200) return (null, TokenError.InvalidGrant);
        var outcome = await refresh.RotateAsync(presented, ct);
        if (outcome.Spent is not { } spent) return (null, TokenError.InvalidGrant);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == spent.AccountId && a.ClosedAt == null, ct);
        if (account is null) return (null, TokenError.InvalidGrant);
        await db.SaveChangesAsync(ct);
        var subject = await tokens.SubjectAsync(account, spent.Amr.Split(' '), ct);
        return (new TokenResponse(access.Issue(subject), outcome.NewToken, access.LifetimeSeconds), null);
    }

    /// <summary>HTTP Basic client_id:client_secret (RFC 6749 §2.3.1), compared by SHA-256 in constant time.</summary>
    public (TokenResponse? Tokens, TokenError? Error) ClientCredentials(HttpRequest request)
    {
        if (!TryReadBasic(request, out var clientId, out var secret)
            || !options.Value.Clients.TryGetValue(clientId, out var client) || client.SecretSha256.Length != 64)
            return (null, TokenError.InvalidClient);
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        if (!CryptographicOperations.FixedTimeEquals(presented, Convert.FromHexString(client.SecretSha256)))
            return (null, TokenError.InvalidClient);
        var subject = new TokenSubject(clientId, PlatformRoles.Integration, client.Name.Length > 0 ? client.Name : clientId, [], ["client"]);
        return (new TokenResponse(access.Issue(subject), null, access.LifetimeSeconds), null);
    }

    private static bool TryReadBasic(HttpRequest request, out string clientId, out string secret)
    {
        clientId = secret = "";
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':');
            if (colon <= 0) return false;
            clientId = Uri.UnescapeDataString(decoded[..colon]);
            secret = Uri.UnescapeDataString(decoded[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
