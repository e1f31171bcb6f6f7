using System.Security.Claims;
using Consultation.API.Domain;
using Consultation.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging.PatientLinks;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Consultation.API.Application;

/// <summary>Who takes part in a consultation: the accounts acting for its patient (本人 and authorised family) and the
/// doctor whose HIS Practitioner it was booked with. Anyone else is told it does not exist.</summary>
public sealed class Participants(ConsultationDbContext db, TimeProvider clock)
{
    public async Task<(OnlineConsultation Consultation, string Side)> RequireAsync(ClaimsPrincipal user, Guid consultationId, CancellationToken ct,
        bool tracked = false)
    {
        var query = tracked ? db.Consultations : db.Consultations.AsNoTracking();
        var consultation = await query.SingleOrDefaultAsync(c => c.Id == consultationId, ct) ?? throw ProblemException.NotFound("咨询");
        if (user.IsInRole(PlatformRoles.Doctor) && PractitionerOf(user) == consultation.PractitionerHisId)
        {
            Audit(user, consultation.PatientId, "consultation:" + consultation.Id);
            return (consultation, Senders.Doctor);
        }
        if (user.IsInRole(PlatformRoles.Patient) && await db.PatientLinks.ActsForAsync(user, consultation.PatientId, ct))
            return (consultation, Senders.Patient);
        throw ProblemException.NotFound("咨询");
    }

    public async Task RequirePatientAsync(ClaimsPrincipal user, Guid patientId, CancellationToken ct)
    {
        user.AccountId();
        if (!user.IsInRole(PlatformRoles.Patient) || !await db.PatientLinks.ActsForAsync(user, patientId, ct))
            throw new ProblemException(404, "patient_unknown", "就诊人不存在");
    }

    public static string RequirePractitioner(ClaimsPrincipal user) => PractitionerOf(user)
        ?? throw new ProblemException(403, "practitioner_required", "您的账号尚未关联医院医生身份，无法接诊");

    public static string? PractitionerOf(ClaimsPrincipal user) =>
        user.FindFirst(PlatformClaims.PractitionerId)?.Value is { Length: > 0 } id ? id : null;

    /// <summary>A clinician reading a patient's consultation reads their medical record: every read leaves a row.</summary>
    public void Audit(ClaimsPrincipal user, Guid patientId, string what) => db.Audits.Add(new ReadAudit
    {
        Actor = user.FindFirst(PlatformClaims.Subject)?.Value ?? "?", Role = user.FindFirst(PlatformClaims.Role)?.Value ?? "?",
        PatientId = patientId, What = what, At = clock.GetUtcNow(),
    });
}
