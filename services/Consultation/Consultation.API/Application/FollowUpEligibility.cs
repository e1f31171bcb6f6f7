using Consultation.API.Domain;
using Consultation.API.Extensions;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Patients;

namespace Consultation.API.Application;

public sealed record EligibilityVerdict(bool Eligible, string? Reason, string? PriorDiagnosis, DateTimeOffset? PriorVisitAt, string? Department)
{
    public static EligibilityVerdict No(string reason, string? department = null) => new(false, reason, null, null, department);
}

/// <summary>互联网复诊 (X01) is only for a condition the hospital already diagnosed in the same department within the
/// window, never a first visit, an emergency or an excluded group (children where excluded, pregnancy, critical or rare
/// conditions). The visits come from the HIS; the birth date from Identity.</summary>
public sealed class FollowUpEligibility(HisRecords his, PatientDirectory patients, IOptions<ConsultationOptions> options, TimeProvider clock)
{
    public async Task<EligibilityVerdict> CheckAsync(Guid patientId, IReadOnlyList<Department> departments, bool urgent, CancellationToken ct)
    {
        var o = options.Value;
        var departmentName = departments.FirstOrDefault()?.Name;
        if (urgent) return EligibilityVerdict.No("您描述的情况可能需要紧急处理，互联网复诊不适用于急症，请立即到医院急诊就诊或拨打120", departmentName);
        var now = clock.GetUtcNow();
        if (o.FollowUpMinAge > 0)
        {
            PatientDetails? details;
            try { details = await patients.FindAsync(patientId, ct); }
            catch (HttpRequestException) { throw new Platform.ServiceDefaults.Problems.ProblemException(503, "identity_unavailable", "暂时无法核对就诊人信息，请稍后再试"); }
            if (details is not null && AgeOn(details.BirthDate, now) < o.FollowUpMinAge)
                return EligibilityVerdict.No($"本院互联网复诊暂不接诊{o.FollowUpMinAge}岁以下患者，请到医院线下就诊", departmentName);
        }
        var encounters = await his.EncountersAsync(patientId, ct) ?? [];
        var names = departments.Select(d => d.Name).ToHashSet();
        var since = now.AddMonths(-o.FollowUpWithinMonths);
        var recent = encounters
            .Where(e => e.Start is { } start && start >= since && e.Status is "finished" or "in-progress" && !string.IsNullOrEmpty(e.Diagnosis))
            .ToList();
        var excluded = recent.FirstOrDefault(e => o.ExcludedDiagnosisTerms.Any(t => e.Diagnosis!.Contains(t)));
        if (excluded is not null)
            return EligibilityVerdict.No($"您近期的诊断（{excluded.Diagnosis}）属于需线下诊疗的情况，不适用互联网复诊，请到医院就诊", departmentName);
        var same = recent.Where(e => e.Department is { } d && names.Contains(d) && e.Class != "EMER").OrderByDescending(e => e.Start).FirstOrDefault();
        if (same is null)
            return EligibilityVerdict.No(
                $"互联网复诊仅适用于{o.FollowUpWithinMonths}个月内在本院{departmentName ?? "该科室"}线下就诊并已确诊的患者；首诊请到医院就诊", departmentName);
        return new EligibilityVerdict(true, null, same.Diagnosis, same.Start, departmentName);
    }

    private static int AgeOn(DateOnly birth, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }
}
