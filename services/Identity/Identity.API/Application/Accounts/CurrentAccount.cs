using System.Security.Claims;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Application.Accounts;

public static class CurrentAccount
{
    /// <summary>The signed-in account (tracked); a token outliving its closed account is treated as signed out.</summary>
    public static async Task<Account> LoadAsync(this IdentityDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.AccountId();
        return await db.Accounts.FirstOrDefaultAsync(a => a.Id == id && a.ClosedAt == null, ct)
            ?? throw new ProblemException(401, "unauthenticated", "请先登录");
    }
}
