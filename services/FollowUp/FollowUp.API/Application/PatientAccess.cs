using System.Security.Claims;
using FollowUp.API.Infrastructure;
using Platform.Messaging.PatientLinks;
using Platform.ServiceDefaults.Problems;

namespace FollowUp.API.Application;

/// <summary>A patient account reaches only the patients it acts for (本人 and authorised family, from the token or a link
/// Identity announced since). Someone else's is "not found": the answer must not confirm that it exists.</summary>
public sealed class PatientAccess(FollowUpDbContext db)
{
    public async Task RequireAsync(ClaimsPrincipal user, Guid patientId, CancellationToken ct)
    {
        if (!await db.PatientLinks.ActsForAsync(user, patientId, ct)) throw new ProblemException(404, "patient_unknown", "就诊人不存在");
    }

    public async Task<T> RequireOwnAsync<T>(ClaimsPrincipal user, T? item, Func<T, Guid> patientOf, string what, CancellationToken ct) where T : class
    {
        if (item is null || !await db.PatientLinks.ActsForAsync(user, patientOf(item), ct)) throw ProblemException.NotFound(what);
        return item;
    }
}
