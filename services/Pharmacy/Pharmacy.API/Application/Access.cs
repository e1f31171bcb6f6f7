using System.Security.Claims;
using Pharmacy.API.Domain;
using Pharmacy.API.Infrastructure;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Pharmacy.API.Application;

/// <summary>Who may read whose medication: a patient account only the patients in its <c>pid</c> claim (本人 and
/// authorised family); every read of medical data leaves an audit row.</summary>
public sealed class Access(PharmacyDbContext db, TimeProvider clock)
{
    public Guid RequirePatient(ClaimsPrincipal user, Guid patientId, string what)
    {
        var account = user.AccountId();
        // Someone else's patient is "not found", not "forbidden": the answer must not confirm that the id exists. The
        // code tells the app to refresh its token once (a 就诊人 added after the token was issued is not in it yet).
        if (!user.PatientIds().Contains(patientId)) throw new ProblemException(404, "patient_unknown", "就诊人不存在");
        Audit(account.ToString(), PlatformRoles.Patient, patientId, what);
        return account;
    }

    public void Audit(string actor, string role, Guid? patientId, string what) =>
        db.Audits.Add(new ReadAudit { Actor = actor, Role = role, PatientId = patientId, What = what, At = clock.GetUtcNow() });
}
