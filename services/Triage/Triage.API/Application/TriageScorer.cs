using Triage.API.Domain;

namespace Triage.API.Application;

/// <summary>Ranks the hospital's departments for one patient: symptom weights (stronger where the symptom belongs to
/// the chosen body part), the body part's own prior, then age/sex rules, then the mapping of specialties onto the
/// departments this hospital has. Every point of score carries the reason it was given.</summary>
public sealed class TriageScorer
{
    private const double OnChosenBodyPart = 1.3;
    private const double PriorWithSymptoms = 0.5;
    private const int MaxDepartments = 5;
    private const int MaxQuestions = 3;

    public AssessmentResponse Assess(KnowledgeSnapshot kb, Patient patient, BodyPart? bodyPart, IReadOnlyList<SymptomMention> mentions,
        IReadOnlyDictionary<string, bool> answers)
    {
        var present = mentions.Select(m => m.Symptom.Name).ToHashSet();
        var evidence = new Evidence();
        foreach (var mention in mentions)
        {
            var onPart = bodyPart is not null && mention.Symptom.BodyParts.Contains(bodyPart.Name);
            foreach (var w in mention.Symptom.Weights)
                evidence.Add(w.Specialty, w.Weight * (onPart ? OnChosenBodyPart : 1),
                    mention.Matched == mention.Symptom.Name ? $"「{mention.Symptom.Name}」→ {w.Specialty}" : $"「{mention.Matched}」（{mention.Symptom.Name}）→ {w.Specialty}");
        }
        if (bodyPart is not null)
            foreach (var w in bodyPart.Weights)
                evidence.Add(w.Specialty, w.Weight * (mentions.Count == 0 ? 1 : PriorWithSymptoms),
                    mentions.Count == 0 ? $"未能识别具体症状，按部位「{bodyPart.Name}」建议{w.Specialty}" : $"部位「{bodyPart.Name}」→ {w.Specialty}");
        if (evidence.IsEmpty) evidence.Add(KnowledgeSnapshot.FallbackSpecialty, 1, TriageTexts.NothingRecognised);

        foreach (var rule in kb.PopulationRules.Where(r => Applies(r, patient, present)))
            evidence.Apply(rule);
        if (evidence.IsEmpty) evidence.Add(KnowledgeSnapshot.FallbackSpecialty, 1, TriageTexts.NothingRecognised);

        var departments = ToDepartments(kb, evidence);
        var flags = kb.RedFlags.Where(r => Fires(r, patient, present)).ToList();
        EmergencyAdvice? advice = null;
        if (flags.Count > 0)
        {
            var er = kb.DepartmentFor(KnowledgeSnapshot.Emergency);
            var reasons = flags.Select(f => f.Name).ToList();
            advice = new EmergencyAdvice(TriageTexts.EmergencyMessage, reasons,
                new EmergencyDepartment(er?.Name ?? KnowledgeSnapshot.Emergency, er?.Id, er?.Campus ?? "", er?.Building ?? "", er?.Floor ?? "", er?.Phone ?? ""),
                "120");
            departments.RemoveAll(d => d.Name == (er?.Name ?? KnowledgeSnapshot.Emergency));
            departments.Insert(0, new DepartmentSuggestion(er?.Name ?? KnowledgeSnapshot.Emergency, er?.Id, 1.0,
                reasons.Select(r => $"危险信号：{r}").ToList()));
        }

        return new AssessmentResponse(
            flags.Count > 0, advice, departments.Take(MaxDepartments).ToList(), bodyPart?.Name ?? KnowledgeSnapshot.WholeBody,
            mentions.Select(m => new RecognisedSymptom(m.Symptom.Name, m.Matched)).ToList(),
            flags.Count > 0 ? [] : NextQuestions(kb, patient, bodyPart, present, answers),
            TriageTexts.Disclaimer);
    }

    private static List<DepartmentSuggestion> ToDepartments(KnowledgeSnapshot kb, Evidence evidence)
    {
        var merged = new Dictionary<string, (Guid? Id, double Score, List<string> Reasons)>();
        foreach (var (specialty, score, reasons) in evidence.Ranked())
        {
            var department = kb.DepartmentFor(specialty);
            var name = department?.Name ?? specialty;
            if (!merged.TryGetValue(name, out var entry)) entry = (department?.Id, 0, []);
            entry.Score += score;
            foreach (var reason in reasons.Where(r => !entry.Reasons.Contains(r))) entry.Reasons.Add(reason);
            if (department is not null && department.Name != specialty)
            {
                var note = $"本院未单设{specialty}，由{department.Name}诊治";
                if (!entry.Reasons.Contains(note)) entry.Reasons.Add(note);
            }
            merged[name] = entry;
        }
        var total = merged.Values.Sum(v => v.Score);
        return merged.Where(m => m.Value.Score > 0)
            .OrderByDescending(m => m.Value.Score).ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new DepartmentSuggestion(m.Key, m.Value.Id, Math.Round(m.Value.Score / total, 2), m.Value.Reasons))
            .ToList();
    }

    /// <summary>Questions on what is present, not yet answered, whose "yes" would add something new; a question that
    /// could complete a danger sign comes first.</summary>
    private static List<QuestionDto> NextQuestions(KnowledgeSnapshot kb, Patient patient, BodyPart? bodyPart, HashSet<string> present,
        IReadOnlyDictionary<string, bool> answers) =>
        kb.Questions
            .Where(q => !answers.ContainsKey(q.Code) && FitsPatient(q.Sex, q.MinAge, q.MaxAge, patient))
            .Where(q => q.ForSymptoms.Any(present.Contains) || (bodyPart is not null && q.ForBodyParts.Contains(bodyPart.Name)))
            .Where(q => q.YesAdds.Any(s => !present.Contains(s)))
            .OrderByDescending(q => CouldCompleteRedFlag(kb, patient, present, q))
            .Take(MaxQuestions)
            .Select(q => new QuestionDto(q.Code, q.Text))
            .ToList();

    private static bool CouldCompleteRedFlag(KnowledgeSnapshot kb, Patient patient, HashSet<string> present, FollowUpQuestion q)
    {
        var withYes = present.Concat(q.YesAdds).ToHashSet();
        return kb.RedFlags.Any(r => !Fires(r, patient, present) && Fires(r, patient, withYes));
    }

    private static bool Fires(RedFlagRule rule, Patient patient, HashSet<string> present) =>
        rule.AllOf.Count > 0 && FitsPatient(rule.Sex, rule.MinAge, rule.MaxAge, patient)
        && rule.AllOf.All(g => g.AnyOf.Any(present.Contains)) && !rule.NoneOf.Any(present.Contains);

    private static bool Applies(PopulationRule rule, Patient patient, HashSet<string> present) =>
        FitsPatient(rule.Sex, rule.MinAge, rule.MaxAge, patient)
        && (rule.MinAge is null && rule.MaxAge is null || patient.Age is not null)
        && (rule.Sex is null || patient.Sex is not null)
        && (rule.RequiresSymptom is null || present.Contains(rule.RequiresSymptom));

    /// <summary>An unknown age or sex never excludes a patient from a danger sign or a question.</summary>
    private static bool FitsPatient(string? sex, int? minAge, int? maxAge, Patient patient) =>
        (sex is null || patient.Sex is null || sex == patient.Sex)
        && (minAge is null || patient.Age is null || patient.Age >= minAge)
        && (maxAge is null || patient.Age is null || patient.Age <= maxAge);
}

/// <summary>Age in whole years and sex "M"/"F", either unknown (null).</summary>
public sealed record Patient(int? Age, string? Sex);
