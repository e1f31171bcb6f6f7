using System.Security.Claims;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Publishing;

/// <summary>The staff member acting, as the audit trail names them.</summary>
public sealed record StaffActor(Guid Id, string Name)
{
    public static StaffActor From(ClaimsPrincipal user) =>
        new(user.AccountId(), user.FindFirst(PlatformClaims.Name)?.Value is { Length: > 0 } name ? name : "工作人员");
}
