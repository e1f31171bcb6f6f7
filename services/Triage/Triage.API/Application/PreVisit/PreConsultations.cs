using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Triage.API.Domain.PreVisit;
using Triage.API.Infrastructure;

namespace Triage.API.Application.PreVisit;

/// <summary>预问诊 (X17) in the shape of a clinic note: 主诉, 现病史, 既往史, 家族史, 个人史, 过敏史, plus the screening result.</summary>
public sealed record PreConsultationDto(
    Guid AppointmentId, Guid PatientId, DateTimeOffset StartsAt, string DepartmentName, string Location,
    string? Sex, int? Age, bool Pregnant,
    string ChiefComplaint, string PresentIllness, IReadOnlyList<string> PastHistory, IReadOnlyList<string> FamilyHistory,
    IReadOnlyList<string> PersonalHistory, IReadOnlyList<string> Allergies, bool HasDrugAllergy, bool RedFlag,
    string Screening, bool Completed, DateTimeOffset? AnsweredAt);

/// <summary>Builds the summary when the doctor opens it, from the patient's latest triage before the visit, their
/// health profile and the screening form, so it always shows what the patient last entered.</summary>
public sealed class PreConsultations(TriageDbContext db, CareAccess access, HealthProfiles profiles, TimeProvider clock)
{
    private static readonly TimeSpan ComplaintWindow = TimeSpan.FromDays(30);
    private const int MaxVisitsPerDay = 500;

    /// <summary>The doctor's own visits of the day (Asia/Shanghai), each summary's read audited.</summary>
    public async Task<List<PreConsultationDto>> DayAsync(ClaimsPrincipal user, DateOnly? date, CancellationToken ct)
    {
        var doctorId = CareAccess.DoctorId(user);
        var day = date ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime.Zone).DateTime);
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
        var to = from.AddDays(1);
        var visits = await db.Appointments.AsNoTracking()
            .Where(a => a.DoctorId == doctorId && !a.Cancelled && a.StartsAt >= from && a.StartsAt < to)
            .OrderBy(a => a.StartsAt).Take(MaxVisitsPerDay).ToListAsync(ct);
        return await SummariesAsync(user, visits, ct);
    }

    public async Task<PreConsultationDto> OneAsync(ClaimsPrincipal user, Guid appointmentId, CancellationToken ct)
    {
        var visit = await access.EnsureCaresForAsync(user, appointmentId, ct);
        return (await SummariesAsync(user, [visit], ct)).Single();
    }

    /// <summary>The visits' summaries, each read audited. A clinic day is hundreds of visits: three queries for all of
    /// them, not three per visit.</summary>
    private async Task<List<PreConsultationDto>> SummariesAsync(ClaimsPrincipal user, IReadOnlyList<VisitAppointment> visits,
        CancellationToken ct)
    {
        if (visits.Count == 0) return [];
        var patientIds = visits.Select(v => v.PatientId).Distinct().ToList();
        var visitIds = visits.Select(v => v.Id).ToList();
        var profilesOf = (await db.HealthProfiles.AsNoTracking().Where(p => patientIds.Contains(p.PatientId)).ToListAsync(ct))
            .ToDictionary(p => p.PatientId, p => p.Data);
        var (since, until) = (visits.Min(v => v.StartsAt) - ComplaintWindow, visits.Max(v => v.StartsAt));
        var complaintsOf = (await db.Complaints.AsNoTracking()
                .Where(c => patientIds.Contains(c.PatientId) && c.At >= since && c.At <= until).ToListAsync(ct))
            .ToLookup(c => c.PatientId);
        var screeningOf = (await db.Screenings.AsNoTracking().Where(s => visitIds.Contains(s.AppointmentId)).ToListAsync(ct))
            .ToDictionary(s => s.AppointmentId);
        var summaries = new List<PreConsultationDto>();
        foreach (var visit in visits)
        {
            var complaint = complaintsOf[visit.PatientId].Where(c => c.At >= visit.StartsAt - ComplaintWindow && c.At <= visit.StartsAt)
                .MaxBy(c => c.At);
            summaries.Add(Build(visit, profilesOf.GetValueOrDefault(visit.PatientId) ?? HealthProfileData.Empty(), complaint,
                screeningOf.GetValueOrDefault(visit.Id)));
            access.Audit(user, visit.PatientId, "pre-consultation", visit.Id);
        }
        await db.SaveChangesAsync(ct);
        return summaries;
    }

    private PreConsultationDto Build(VisitAppointment visit, HealthProfileData profile, PatientComplaint? complaint, Screening? screening)
    {
        var chief = ChiefComplaint(complaint, profile);
        var present = PresentIllness(complaint, profile);
        var past = profile.History.Select(h => $"{h.Name}{Paren(h.Since, h.Resolved ? "已愈" : null)}").ToList();
        var family = profile.Family.Select(f => $"{Relation(f.Relation)}：{f.Condition}").ToList();
        var personal = BehaviourOptions.All
            .Select(b => HealthProfileFhir.Answer(profile.Behaviours, b) is { } code ? b.Answers.First(a => a.Code == code).Name : null)
            .OfType<string>().ToList();
        if (profile.Pregnant) personal.Insert(0, "目前怀孕");
        var allergies = profile.Allergies.Select(a =>
        {
            var cls = AllergyClasses.Find(a.Class);
            var severity = AllergySeverities.All.FirstOrDefault(s => s.Code == a.Severity)?.Name;
            return $"{cls?.Name ?? "其他"}：{a.Substance}{(a.Reaction is null ? "" : $"，{a.Reaction}")}{(severity is null ? "" : $"（{severity}）")}";
        }).ToList();
        var screeningText = screening?.Outcome switch
        {
            null => "流行病学筛查：未填写",
            ScreeningOutcomes.MayCome => "流行病学筛查：未见异常",
            _ => "流行病学筛查：有阳性项，需先联系门诊（" + string.Join("、", ScreeningForms.EpidemicQuestions
                .Where(q => screening.Answers?.GetValueOrDefault(q.Code) == true).Select(q => q.Code switch
                {
                    "fever" => "发热", "respiratory" => "呼吸道等症状", "travel" => "旅居史", "contact" => "接触史", _ => "聚集性发病",
                }).Append(screening.Temperature >= ScreeningForms.FeverFrom ? $"体温{screening.Temperature}℃" : null).OfType<string>()) + "）",
        };
        var completed = complaint is not null || profile.Symptoms.Count > 0;
        return new PreConsultationDto(visit.Id, visit.PatientId, visit.StartsAt, visit.DepartmentName, visit.Location,
            profile.Sex, profiles.AgeOf(profile.BirthDate), profile.Pregnant, chief, present,
            past.Count > 0 ? past : ["未填写"], family.Count > 0 ? family : ["未填写"], personal.Count > 0 ? personal : ["未填写"],
            allergies.Count > 0 ? allergies : ["未填写过敏史"],
            profile.Allergies.Any(a => AllergyClasses.Find(a.Class)?.Category is "medication" or "biologic"),
            complaint?.Emergency == true, screeningText, completed, complaint?.At);
    }

    private static string ChiefComplaint(PatientComplaint? complaint, HealthProfileData profile)
    {
        var onset = profile.Symptoms.Select(s => s.Onset).FirstOrDefault(o => o is not null);
        if (complaint is not null)
        {
            var symptoms = complaint.Symptoms.Count > 0 ? string.Join("、", complaint.Symptoms.Take(3)) : Clip(complaint.Complaint, 20);
            return onset is null ? symptoms : $"{symptoms}{onset}";
        }
        return profile.Symptoms.FirstOrDefault() is { } first ? $"{Clip(first.Text, 20)}{first.Onset}" : "未填写（患者未做预问诊）";
    }

    private static string PresentIllness(PatientComplaint? complaint, HealthProfileData profile)
    {
        var parts = new List<string>();
        if (complaint is not null)
        {
            parts.Add($"患者于{ChinaTime.Format(complaint.At)}自述（{complaint.BodyPart}）：{complaint.Complaint}");
            if (complaint.Answers.Count > 0) parts.Add("追问：" + string.Join("；", complaint.Answers));
            if (complaint.Departments.Count > 0) parts.Add("智能导诊建议：" + string.Join("、", complaint.Departments));
            if (complaint.Emergency) parts.Add("导诊时提示危险信号，已建议急诊");
        }
        var entered = profile.Symptoms.Select(s => s.Onset is null ? s.Text : $"{s.Text}（{s.Onset}）").ToList();
        if (entered.Count > 0) parts.Add("自填症状：" + string.Join("；", entered));
        return parts.Count > 0 ? string.Join("。", parts) + "。" : "未填写";
    }

    private static string Relation(string code) => FamilyRelations.All.FirstOrDefault(r => r.Code == code)?.Name ?? code;

    private static string Paren(params string?[] notes)
    {
        var kept = notes.Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        return kept.Count == 0 ? "" : $"（{string.Join("，", kept)}）";
    }

    private static string Clip(string s, int n) => s.Length <= n ? s : s[..n] + "…";
}
