using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.API.Application.Accounts;

/// <summary>An account's signed-in sessions are OpenIddict authorizations: every sign-in creates one, and each refresh
/// token rotated from it belongs to it (see the token server's chain revocation). Revoking a session revokes the
/// authorization and all its tokens, so none of its refresh tokens can be redeemed again.</summary>
public sealed class AccountSessions(IdentityDbContext db, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens,
    TimeProvider clock)
{
    /// <summary>Every session of the account (a password changed or reset).</summary>
    public async Task RevokeAllAsync(Guid accountId, CancellationToken ct)
    {
        var subject = accountId.ToString();
        await authorizations.RevokeBySubjectAsync(subject, ct);
        await tokens.RevokeBySubjectAsync(subject, ct);
    }

    /// <summary>Every session but <paramref name="currentAuthorizationId"/> (the one the caller's access token came from);
    /// the number of sessions that could still refresh and now cannot.</summary>
    public async Task<int> RevokeOthersAsync(Guid accountId, string currentAuthorizationId, CancellationToken ct)
    {
        var subject = accountId.ToString();
        var now = clock.GetUtcNow().UtcDateTime;
        var others = db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.Subject == subject && t.Status != Statuses.Revoked
            && (t.Authorization == null || t.Authorization.Id != currentAuthorizationId));
        var live = await others.Where(t => t.Type == TokenTypeIdentifiers.RefreshToken && t.Status == Statuses.Valid && t.ExpirationDate > now)
            .Select(t => t.Authorization == null ? t.Id : t.Authorization.Id).Distinct().CountAsync(ct);
        await db.Set<OpenIddictEntityFrameworkCoreAuthorization>()
            .Where(a => a.Subject == subject && a.Id != currentAuthorizationId && a.Status != Statuses.Revoked)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, Statuses.Revoked), ct);
        await others.ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, Statuses.Revoked), ct);
        return live;
    }
}
