using Platform.Messaging.PatientLinks;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.His;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;
using Triage.API.Domain.PreVisit;
using Triage.API.Infrastructure;

namespace Triage.API.Application.PreVisit;

/// <summary>Who may read or change a patient's pre-visit information, and the audit of every read: the patient's own
/// accounts (token <c>pid</c>), the doctor who sees them (token <c>practitioner_id</c> named by a booked visit), and
/// integration clients (Pharmacy). Every read is written to <c>health_data_access</c>.</summary>
public sealed class CareAccess(TriageDbContext db, TimeProvider clock)
{
    /// <summary>How long after a visit's start the doctor may still read the patient's pre-visit information.</summary>
    public static readonly TimeSpan AfterVisit = TimeSpan.FromDays(1);

    /// <summary>The patients the account acts for: its token's <c>pid</c> claim, and those Identity announced since.</summary>
    public async Task<List<Guid>> PatientIdsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.IsInRole(PlatformRoles.Patient) ? [.. await db.PatientLinks.ActedForAsync(user, ct)] : [];

    /// <summary>The account acts for this patient (the patient or an authorised family member), else 403.</summary>
    public async Task EnsureActsForAsync(ClaimsPrincipal user, Guid patientId, CancellationToken ct)
    {
        if (user.IsInRole(PlatformRoles.Patient) && await db.PatientLinks.ActsForAsync(user, patientId, ct)) return;
        throw new ProblemException(403, "patient_not_linked", "无权查看或修改该就诊人的信息");
    }

    /// <summary>The doctor's platform id from the HIS Practitioner in their token; without it, 403.</summary>
    public static Guid DoctorId(ClaimsPrincipal user) =>
        user.FindFirst(PlatformClaims.PractitionerId)?.Value is { Length: > 0 } practitioner
            ? HisIds.Doctor(practitioner)
            : throw new ProblemException(403, "practitioner_required", "您的账号尚未关联医院执业医生，无法查看患者信息");

    /// <summary>The visit through which this doctor sees this patient (booked with them, not cancelled, not long past); else 403.</summary>
    public async Task<VisitAppointment> EnsureCaresForAsync(ClaimsPrincipal user, Guid appointmentId, CancellationToken ct)
    {
        var doctorId = DoctorId(user);
        var now = clock.GetUtcNow();
        var since = now - AfterVisit;
        return await db.Appointments.AsNoTracking()
                   .FirstOrDefaultAsync(a => a.Id == appointmentId && a.DoctorId == doctorId && !a.Cancelled
                       && (a.CareUntil == null ? a.StartsAt >= since : a.CareUntil > now), ct)
               ?? throw new ProblemException(403, "no_care_relationship", "您不是该患者本次就诊的接诊医生，无权查看");
    }

    /// <summary>Records a read of the patient's health data; saved with the caller's next SaveChanges.</summary>
    public void Audit(ClaimsPrincipal user, Guid patientId, string what, Guid? appointmentId = null) =>
        db.AccessLog.Add(new HealthDataAccess
        {
            PatientId = patientId,
            ActorRole = RoleOf(user),
            ActorId = user.FindFirst(PlatformClaims.Subject)?.Value ?? user.FindFirst("client_id")?.Value,
            PractitionerId = user.FindFirst(PlatformClaims.PractitionerId)?.Value,
            What = what,
            AppointmentId = appointmentId,
            At = clock.GetUtcNow(),
        });

    private static string RoleOf(ClaimsPrincipal user) =>
        PlatformRoles.All.FirstOrDefault(user.IsInRole) ?? "unknown";
}
