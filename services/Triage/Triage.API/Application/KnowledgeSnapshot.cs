using Triage.API.Domain;

namespace Triage.API.Application;

/// <summary>The knowledge base and the hospital's departments as one immutable picture the scorer reads; rebuilt
/// when staff change the base or the departments change.</summary>
public sealed class KnowledgeSnapshot
{
    public const string WholeBody = "全身";
    public const string Emergency = "急诊科";
    public const string FallbackSpecialty = "内科";

    public KnowledgeSnapshot(IReadOnlyList<BodyPart> bodyParts, IReadOnlyList<Symptom> symptoms, IReadOnlyList<FollowUpQuestion> questions,
        IReadOnlyList<RedFlagRule> redFlags, IReadOnlyList<PopulationRule> populationRules, IReadOnlyList<Specialty> specialties,
        IReadOnlyList<HospitalDepartment> departments)
    {
        BodyParts = bodyParts.OrderBy(b => b.SortOrder).ThenBy(b => b.Name).ToList();
        Symptoms = symptoms;
        Questions = questions;
        RedFlags = redFlags;
        PopulationRules = populationRules;
        _specialties = specialties.ToDictionary(s => s.Name);
        _departments = departments.Where(d => d.IsActive).GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.First());
        foreach (var part in BodyParts)
        {
            _bodyParts[part.Name] = part;
            foreach (var alias in part.Aliases) _bodyParts.TryAdd(alias, part);
        }
        foreach (var symptom in symptoms)
        {
            _symptoms[symptom.Name] = symptom;
            foreach (var raw in symptom.Terms.Append(symptom.Name))
            {
                if (GapTerm.TryParse(raw, out var gap))
                {
                    if (!_gapTerms.Any(g => g.Term.Text == gap.Text && g.Symptom.Name == symptom.Name)) _gapTerms.Add((gap, symptom));
                    continue;
                }
                var term = ComplaintText.Normalize(raw);
                if (term.Length == 0) continue;
                if (!_terms.TryGetValue(term, out var list)) _terms[term] = list = [];
                if (!list.Contains(symptom)) list.Add(symptom);
            }
        }
        LongestTerm = _terms.Keys.Select(k => k.Length).DefaultIfEmpty(1).Max();
    }

    private readonly Dictionary<string, BodyPart> _bodyParts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Symptom> _symptoms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Symptom>> _terms = new(StringComparer.Ordinal);
    private readonly List<(GapTerm Term, Symptom Symptom)> _gapTerms = [];
    private readonly Dictionary<string, Specialty> _specialties;
    private readonly Dictionary<string, HospitalDepartment> _departments;

    public IReadOnlyList<BodyPart> BodyParts { get; }
    public IReadOnlyList<Symptom> Symptoms { get; }
    public IReadOnlyList<FollowUpQuestion> Questions { get; }
    public IReadOnlyList<RedFlagRule> RedFlags { get; }
    public IReadOnlyList<PopulationRule> PopulationRules { get; }
    public IEnumerable<string> Terms => _terms.Keys;
    public IReadOnlyList<(GapTerm Term, Symptom Symptom)> GapTerms => _gapTerms;
    public int LongestTerm { get; }

    /// <summary>The region of that name or alias; anything unknown is 全身 (never refused).</summary>
    public BodyPart? BodyPartOrWhole(string? name)
    {
        if (!string.IsNullOrWhiteSpace(name) && _bodyParts.TryGetValue(name.Trim(), out var part)) return part;
        return _bodyParts.GetValueOrDefault(WholeBody);
    }

    public IReadOnlyList<Symptom> SymptomsForTerm(string term) => _terms.TryGetValue(term, out var list) ? list : [];

    public Symptom? SymptomNamed(string name) => _symptoms.GetValueOrDefault(name);

    /// <summary>The hospital department that sees <paramref name="specialty"/>: the one of that name, else the
    /// specialty's fallbacks in order, else 内科. Null only while no department list has arrived.</summary>
    public HospitalDepartment? DepartmentFor(string specialty)
    {
        if (_departments.TryGetValue(specialty, out var same)) return same;
        if (_specialties.TryGetValue(specialty, out var known))
            foreach (var fallback in known.Fallbacks)
                if (_departments.TryGetValue(fallback, out var other)) return other;
        return _departments.GetValueOrDefault(FallbackSpecialty);
    }

    public bool HasDepartments => _departments.Count > 0;
}
