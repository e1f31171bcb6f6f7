using System.Security.Claims;
using Consultation.API.Application;
using Consultation.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Problems;

namespace Consultation.API.Apis;

public sealed record EligibilityRequest(Guid PatientId, string? PractitionerId, bool Urgent = false);

/// <summary>Whether a patient may have an internet follow-up visit with a doctor, and why not (X01).</summary>
public static class FollowUpApi
{
    public static IEndpointRouteBuilder MapFollowUpApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/consultation/followups/eligibility", Check).WithTags("互联网复诊").WithName("FollowUpEligibility")
            .WithSummary("核对互联网复诊资格（12个月内同科室确诊、非首诊、非急症、非排除人群）").RequireAuthorization(PlatformRoles.Patient);
        return app;
    }

    public static async Task<Ok<EligibilityVerdict>> Check(EligibilityRequest request, ClaimsPrincipal user, Participants participants,
        ConsultationDbContext db, FollowUpEligibility eligibility, CancellationToken ct)
    {
        await participants.RequirePatientAsync(user, request.PatientId, ct);
        var doctor = await db.Doctors.AsNoTracking().SingleOrDefaultAsync(d => d.PractitionerHisId == request.PractitionerId && d.Active, ct)
                     ?? throw ProblemException.NotFound("医生");
        var departments = await db.Departments.AsNoTracking().Where(d => doctor.DepartmentCodes.Contains(d.Code)).ToListAsync(ct);
        return TypedResults.Ok(await eligibility.CheckAsync(request.PatientId, departments, request.Urgent, ct));
    }
}
