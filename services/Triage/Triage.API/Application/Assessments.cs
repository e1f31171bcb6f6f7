using System.Security.Claims;
using Platform.ServiceDefaults.Problems;
using Triage.API.Application.PreVisit;
using Triage.API.Domain.PreVisit;
using Triage.API.Infrastructure;

namespace Triage.API.Application;

/// <summary>One assessment: check the request, read the complaint, add what the answers say, score.</summary>
public sealed class Assessments(KnowledgeCache cache, ComplaintReader reader, TriageScorer scorer, TriageDbContext db,
    HealthProfiles profiles, CareAccess access, TimeProvider clock)
{
    /// <summary>For a patient the account acts for: the profile fills what the request leaves out, and the complaint,
    /// answers and result are kept for the pre-consultation summary.</summary>
    public async Task<AssessmentResponse> AssessAsync(AssessmentRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request.PatientId is not { } patientId) return await AssessAsync(request, ct);
        await access.EnsureActsForAsync(user, patientId, ct);
        var profile = (await profiles.FindAsync(patientId, ct))?.Data;
        var answers = new Dictionary<string, bool>(request.Answers ?? []);
        if (profile is not null)
        {
            if (profile.Pregnant) answers.TryAdd("pregnant", true);
            if (profile.History.Any(h => !h.Resolved && h.Name.Contains("高血压"))) answers.TryAdd("blood_pressure_high", true);
            access.Audit(user, patientId, "health-profile-triage");
        }
        request = request with
        {
            Age = request.Age ?? profiles.AgeOf(profile?.BirthDate),
            Sex = string.IsNullOrWhiteSpace(request.Sex) ? profile?.Sex : request.Sex,
            Answers = answers,
        };
        var result = await AssessAsync(request, ct);
        var kb = await cache.GetAsync(ct);
        db.Complaints.Add(new PatientComplaint
        {
            PatientId = patientId,
            Complaint = request.Complaint?.Trim() ?? "",
            BodyPart = result.BodyPart,
            Symptoms = result.Symptoms.Select(s => s.Name).Distinct().ToList(),
            Answers = kb.Questions.Where(q => answers.ContainsKey(q.Code)).Select(q => $"{q.Text} {(answers[q.Code] ? "是" : "否")}").ToList(),
            Departments = result.Departments.Take(3).Select(d => d.Name).ToList(),
            Emergency = result.Emergency,
            At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return result;
    }

    public async Task<AssessmentResponse> AssessAsync(AssessmentRequest request, CancellationToken ct)
    {
        var complaint = request.Complaint ?? "";
        if (complaint.Length > ComplaintText.MaxLength)
            throw new ProblemException(400, "complaint_too_long", $"症状描述最多{ComplaintText.MaxLength}字，请精简后再提交");
        var answers = request.Answers ?? [];
        if (string.IsNullOrWhiteSpace(complaint) && string.IsNullOrWhiteSpace(request.BodyPart) && answers.Count == 0)
            throw new ProblemException(400, "complaint_required", "请选择不适的部位或描述您的症状");
        if (request.Age is < 0 or > 120)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["age"] = ["年龄应在0-120岁之间"] });
        if (!string.IsNullOrWhiteSpace(request.Sex) && NormalSex(request.Sex) is null)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["sex"] = ["性别请选择男或女"] });
        if (request.BodyPart is { Length: > MaxBodyPartLength })
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["bodyPart"] = [$"部位名称最多{MaxBodyPartLength}字"] });

        var kb = await cache.GetAsync(ct);
        var mentions = reader.Read(complaint, kb).ToList();
        foreach (var question in kb.Questions.Where(q => answers.GetValueOrDefault(q.Code)))
            foreach (var name in question.YesAdds)
                if (kb.SymptomNamed(name) is { } symptom && mentions.All(m => m.Symptom.Name != name))
                    mentions.Add(new SymptomMention(symptom, $"{question.Text} 是"));
        return scorer.Assess(kb, new Patient(request.Age, NormalSex(request.Sex)), kb.BodyPartOrWhole(request.BodyPart), mentions, answers);
    }

    private const int MaxBodyPartLength = 20;

    private static string? NormalSex(string? sex) => sex?.Trim().ToUpperInvariant() switch
    {
        "M" or "男" or "MALE" => "M",
        "F" or "女" or "FEMALE" => "F",
        _ => null,
    };
}
