using System.Security.Claims;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Queue.API.Domain;

namespace Queue.API.Application;

/// <summary>Whose queue a caller may work: staff any (as before); a doctor only the clinics of the HIS Practitioner their
/// account is linked to (the <c>practitioner_id</c> claim), whether the session is theirs or staff assigned it to them.</summary>
public static class DeskAccess
{
    public static bool IsStaff(ClaimsPrincipal user) => user.IsInRole(PlatformRoles.Staff);

    public static string? PractitionerOf(ClaimsPrincipal user) =>
        user.FindFirst(PlatformClaims.PractitionerId)?.Value is { Length: > 0 } id ? id : null;

    public static bool IsMine(ClaimsPrincipal user, ClinicQueue queue) =>
        PractitionerOf(user) is { } mine && string.Equals(queue.PractitionerHisId, mine, StringComparison.Ordinal);

    /// <summary>Throws 403 with a stable code unless <paramref name="user"/> may see or run <paramref name="queue"/>.</summary>
    public static void Ensure(ClaimsPrincipal user, ClinicQueue queue)
    {
        if (IsStaff(user)) return;
        if (PractitionerOf(user) is null) throw NotLinked;
        if (!IsMine(user, queue)) throw NotYours;
    }

    public static ProblemException NotLinked =>
        new(403, "practitioner_not_linked", "您的账号尚未关联医生信息，不能叫号；请联系管理员在管理后台关联后重新登录");

    public static ProblemException NotYours => new(403, "queue_not_yours", "这不是您出诊的队列，只能为本人出诊的诊室叫号");
}
