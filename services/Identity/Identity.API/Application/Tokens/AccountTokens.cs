using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Identity.API.Application.Tokens;

/// <summary>Issues the token pair for an account: the access token lists the patients it may act for right now.</summary>
public sealed class AccountTokens(IdentityDbContext db, AccessTokenIssuer access, RefreshTokenService refresh)
{
    public async Task<TokenResponse> IssueAsync(Account account, string clientId, IReadOnlyList<string> amr, CancellationToken ct)
    {
        var refreshToken = refresh.Create(account.Id, clientId, amr);
        await db.SaveChangesAsync(ct);
        return new TokenResponse(access.Issue(await SubjectAsync(account, amr, ct)), refreshToken, access.LifetimeSeconds);
    }

    public async Task<TokenSubject> SubjectAsync(Account account, IReadOnlyList<string> amr, CancellationToken ct)
    {
        var patientIds = await db.Patients.Where(p => p.AccountId == account.Id).OrderBy(p => p.CreatedAt)
            .Select(p => p.Id).ToListAsync(ct);
        return new TokenSubject(account.Id.ToString(), account.Role, account.DisplayName, patientIds, amr);
    }
}
