using System.Security.Claims;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.Auth;

public static class AccountClaims
{
    /// <summary>The signed-in account. No sign-in at all is 401; a valid token whose subject is not an account (a
    /// service's client-credentials token) is 403, because signing in again with it would not help.</summary>
    public static Guid AccountId(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) throw new ProblemException(401, "unauthenticated", "请先登录");
        return Guid.TryParse(user.FindFirst(PlatformClaims.Subject)?.Value, out var id)
            ? id
            : throw new ProblemException(403, "account_required", "请使用患者账号登录");
    }

    /// <summary>The patients (就诊人) the token says the account acts for (<c>pid</c>, one claim per patient).</summary>
    public static IReadOnlySet<Guid> PatientIds(this ClaimsPrincipal user) =>
        user.FindAll(PlatformClaims.PatientIds).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).ToHashSet();
}
