using System.Security.Claims;
using Convenience.API.Infrastructure;
using Platform.Messaging.PatientLinks;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Convenience.API.Application;

/// <summary>Who may act for whom: a patient account for the patients in its token or that Identity linked to it since
/// (本人 and authorised family); staff reads of health data and home addresses leave an audit row.</summary>
public sealed class Access(ConvenienceDbContext db, TimeProvider clock)
{
    public async Task<Guid> RequireActsForAsync(ClaimsPrincipal user, Guid patientId, string what, CancellationToken ct)
    {
        // Someone else's patient is "not found", not "forbidden": the answer must not confirm that the id exists.
        if (!await db.PatientLinks.ActsForAsync(user, patientId, ct)) throw new ProblemException(404, "patient_unknown", "就诊人不存在");
        Audit(user, PlatformRoles.Patient, patientId, what);
        return user.AccountId();
    }

    public void AuditStaff(ClaimsPrincipal user, Guid? patientId, string what) => Audit(user, PlatformRoles.Staff, patientId, what);

    public static string StaffName(ClaimsPrincipal user) => user.FindFirst(PlatformClaims.Name)?.Value ?? "工作人员";

    private void Audit(ClaimsPrincipal user, string role, Guid? patientId, string what) => db.Audits.Add(new ReadAudit
    {
        Actor = user.FindFirst(PlatformClaims.Subject)?.Value ?? "", Role = role, PatientId = patientId, What = what, At = clock.GetUtcNow(),
    });
}
