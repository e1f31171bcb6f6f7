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

    /// <summary>Running a queue: a clinic by its own doctor (<see cref="Ensure"/>), any other kind by staff (pharmacists at
    /// pharmacy windows). Staff see clinics but the doctor calls them.</summary>
    public static void EnsureMayRun(ClaimsPrincipal user, ClinicQueue queue)
    {
        if (queue.Kind == QueueKind.Clinic && !user.IsInRole(PlatformRoles.Doctor)) throw DoctorsOnly;
        Ensure(user, queue);
    }

    public static bool MaySee(ClaimsPrincipal user, ClinicQueue queue) =>
        IsStaff(user) || (queue.Kind == QueueKind.Clinic ? user.IsInRole(PlatformRoles.Doctor)
            : queue.Kind == QueueKind.Pharmacy && user.IsInRole(PlatformRoles.Pharmacist));

    public static ProblemException NotStaffs => new(403, "queue_staff_only", "检查室、采血和取药窗口的队列由工作人员操作");

    public static ProblemException DoctorsOnly => new(403, "queue_doctor_only", "门诊队列只能由出诊医生叫号");

    /// <summary>Throws 403 with a stable code unless <paramref name="user"/> may see or run <paramref name="queue"/>.</summary>
    public static void Ensure(ClaimsPrincipal user, ClinicQueue queue)
    {
        if (IsStaff(user)) return;
        if (queue.Kind != QueueKind.Clinic)
        {
            // Exam rooms and the blood-draw station are staff's; a pharmacy window is a pharmacist's too.
            if (queue.Kind == QueueKind.Pharmacy && user.IsInRole(PlatformRoles.Pharmacist)) return;
            throw NotStaffs;
        }
        if (PractitionerOf(user) is null) throw NotLinked;
        if (!IsMine(user, queue)) throw NotYours;
    }

    public static ProblemException NotLinked =>
        new(403, "practitioner_not_linked", "您的账号尚未关联医生信息，不能叫号；请联系管理员在管理后台关联后重新登录");

    public static ProblemException NotYours => new(403, "queue_not_yours", "这不是您出诊的队列，只能为本人出诊的诊室叫号");
}
