using Platform.ServiceDefaults.Problems;

namespace Triage.API.Application;

/// <summary>One assessment: check the request, read the complaint, add what the answers say, score.</summary>
public sealed class Assessments(KnowledgeCache cache, ComplaintReader reader, TriageScorer scorer)
{
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

        var kb = await cache.GetAsync(ct);
        var mentions = reader.Read(complaint, kb).ToList();
        foreach (var question in kb.Questions.Where(q => answers.GetValueOrDefault(q.Code)))
            foreach (var name in question.YesAdds)
                if (kb.SymptomNamed(name) is { } symptom && mentions.All(m => m.Symptom.Name != name))
                    mentions.Add(new SymptomMention(symptom, $"{question.Text} 是"));
        return scorer.Assess(kb, new Patient(request.Age, NormalSex(request.Sex)), kb.BodyPartOrWhole(request.BodyPart), mentions, answers);
    }

    private static string? NormalSex(string? sex) => sex?.Trim().ToUpperInvariant() switch
    {
        "M" or "男" or "MALE" => "M",
        "F" or "女" or "FEMALE" => "F",
        _ => null,
    };
}
